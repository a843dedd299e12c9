/**
 * Plays a scenario's historical line of play through the machine, two players at one screen: to
 * check that the rules accept every step of it (a side may not propose its own red line, accept
 * one, or answer out of turn), and to see where history leads in the game. Tracks the line agreed
 * in an earlier round are left out of later packages, as they are at the table.
 */
import type { GameEvent } from '../machine/game-machine.ts';
import { GameRun } from '../machine/game-run.ts';
import type { GameState } from '../rules/state.ts';
import type { Problem } from './problems.ts';
import type { Scenario } from './schema.ts';

export interface HistoricalPlay {
  /** Every event sent, with whether the machine took it. */
  sent: { event: GameEvent; taken: boolean }[];
  /** The first step the game refused, with its path, or null when it took every step. */
  refused: Problem | null;
  final: GameState;
  /** The machine's state at the end. */
  value: string;
  over: boolean;
}

export function playHistoricalLine(scenario: Scenario, seed: number | string = 1): HistoricalPlay {
  const run = new GameRun(scenario);
  const sent: HistoricalPlay['sent'] = [];
  let refused: Problem | null = null;
  const send = (event: GameEvent, path?: Problem['path'], what?: string) => {
    const taken = run.send(event);
    sent.push({ event, taken });
    if (!taken && path && what) refused ??= { path, message: `the game does not accept ${what}` };
    return taken;
  };
  send({ type: 'START', setup: { seed, playerSide: scenario.sides[0]!.id, opponent: { kind: 'hotseat' } } });
  scenario.debrief.line.forEach((step, s) => {
    if (run.isOver || refused) return;
    send({ type: 'CONTINUE' });
    if (run.isOver) return;
    const game = run.snapshot.context.game!;
    const record = game.rounds[game.round]!;
    if (scenario.rounds[game.round]?.id !== step.round) {
      refused ??= { path: ['debrief', 'line', s, 'round'], message: `the line reaches round ${game.round + 1} here, not "${step.round}"` };
      return;
    }
    const open = Object.fromEntries(Object.entries(step.proposal.positions).filter(([trackId]) => !(trackId in game.agreed)));
    const proposal = { side: record.proposer, positions: open, posture: step.proposal.posture, tone: step.proposal.tone };
    if (
      !send(
        { type: 'PROPOSE', proposal },
        ['debrief', 'line', s, 'proposal'],
        `this proposal by "${record.proposer}" (a red line of its own, a position off the ladder, or a move of the other side?)`,
      )
    )
      return;
    const { kind, tracks, counter, posture, tone } = step.response;
    const response = { side: record.responder, kind, ...(tracks ? { tracks } : {}), ...(counter ? { counter } : {}), posture, tone };
    if (
      !send(
        { type: 'RESPOND', response },
        ['debrief', 'line', s, 'response'],
        `this ${kind} by "${record.responder}" (a red line of its own, or fields its kind does not take?)`,
      )
    )
      return;
    if (
      step.reply &&
      !send(
        { type: 'REPLY', reply: { side: record.proposer, ...step.reply } },
        ['debrief', 'line', s, 'reply'],
        `this reply by "${record.proposer}"`,
      )
    )
      return;
    send({ type: 'CONTINUE' });
    if (run.snapshot.value === 'incident') send({ type: 'CONTINUE' });
  });
  // An outcome reached at a resolution or an incident takes one more CONTINUE to end the game.
  for (let i = 0; i < 3 && !run.isOver && run.snapshot.context.game?.outcome; i++) send({ type: 'CONTINUE' });
  const final = run.snapshot.context.game!;
  const value = String(run.snapshot.value);
  const over = run.isOver;
  run.stop();
  return { sent, refused, final, value, over };
}
