/**
 * Plays a scenario's historical line of play through the machine, two players at one screen, to
 * check that the rules accept every step of it (a side may not propose its own red line, accept
 * one, or answer out of turn) and to see where history leads in the game.
 */
import { GameRun, type GameSnapshot } from '../machine/game-run.ts';
import type { Problem } from './problems.ts';
import type { Scenario } from './schema.ts';

export interface HistoricalPlay {
  /** The state after the last step that was played. */
  final: GameSnapshot;
  /** The first step the game refused, with its path, or null when every step was taken. */
  refused: Problem | null;
}

export function playHistoricalLine(scenario: Scenario, seed: number | string = 1): HistoricalPlay {
  const run = new GameRun(scenario);
  const [first] = scenario.sides;
  run.send({ type: 'START', setup: { seed, playerSide: first!.id, opponent: { kind: 'hotseat' } } });
  let refused: Problem | null = null;
  const refuse = (path: Problem['path'], message: string) => (refused ??= { path, message });
  scenario.debrief.line.forEach((step, s) => {
    if (refused || run.isOver) return;
    const index = scenario.rounds.findIndex((round) => round.id === step.round);
    if (index !== run.snapshot.context.game!.round) {
      refuse(['debrief', 'line', s, 'round'], `the line reaches round ${run.snapshot.context.game!.round + 1} here, not "${step.round}"`);
      return;
    }
    run.send({ type: 'CONTINUE' });
    const record = run.snapshot.context.game!.rounds[index]!;
    const { proposal, response, reply } = step;
    if (!run.send({ type: 'PROPOSE', proposal: { side: record.proposer, ...proposal } })) {
      refuse(
        ['debrief', 'line', s, 'proposal'],
        `the game does not accept this proposal by "${record.proposer}" (a red line of its own, a track already agreed, or a move of the other side?)`,
      );
      return;
    }
    if (!run.send({ type: 'RESPOND', response: { side: record.responder, ...response } })) {
      refuse(
        ['debrief', 'line', s, 'response'],
        `the game does not accept this ${response.kind} by "${record.responder}" (a red line of its own, or fields its kind does not take?)`,
      );
      return;
    }
    if (reply && !run.send({ type: 'REPLY', reply: { side: record.proposer, ...reply } })) {
      refuse(['debrief', 'line', s, 'reply'], `the game does not accept this reply by "${record.proposer}"`);
      return;
    }
    run.send({ type: 'CONTINUE' });
    if (String(run.snapshot.value) === 'incident') run.send({ type: 'CONTINUE' });
  });
  const final = run.snapshot;
  run.stop();
  return { final, refused };
}
