/**
 * Plays a scenario's historical line of play through the machine, two players at one screen: to
 * check that the rules accept every step of it (a side may not propose its own red line, accept
 * one, or answer out of turn), and to see where history leads in the game. Tracks the line agreed
 * in an earlier round are left out of later packages, as they are at the table.
 *
 * A step the game refuses is explained: which round, which track and position, which side, and
 * why. Steps after a refused one are not played, but are still read for what the rules refuse
 * whatever came before, so one run names every fault of the line.
 */
import type { GameEvent } from '../machine/game-machine.ts';
import { GameRun } from '../machine/game-run.ts';
import { phaseOf } from '../machine/phase.ts';
import type { GameState } from '../rules/state.ts';
import { stepFaults } from './line-faults.ts';
import { stillOpen, writtenResponse, type PlayedStep } from './line-steps.ts';
import type { Problem } from './problems.ts';
import type { OutcomeKind, Scenario } from './schema.ts';

export interface HistoricalPlay {
  /** Every event sent, with whether the machine took it. */
  sent: { event: GameEvent; taken: boolean }[];
  /** What the game refuses in the line, each with its path and what is wrong; empty when it takes every step. */
  refusals: Problem[];
  final: GameState;
  /** Where the game stands at the end: its phase, or how it ended once it is over. */
  value: string;
  over: boolean;
}

type Path = Problem['path'];

/** The game the line is played in, what was sent to it, and whether the line is still being played (not only read). */
interface LinePlayer {
  run: GameRun;
  sent: HistoricalPlay['sent'];
  refusals: Problem[];
  playing: boolean;
  send(event: GameEvent): boolean;
  /** Sends a step's event; when the game refuses it and nothing above explained why, says so plainly. */
  take(event: GameEvent, explained: boolean, path: Path, what: string): boolean;
}

function linePlayer(run: GameRun): LinePlayer {
  const player: LinePlayer = {
    run,
    sent: [],
    refusals: [],
    playing: true,
    send(event) {
      const taken = run.send(event);
      player.sent.push({ event, taken });
      return taken;
    },
    take(event, explained, path, what) {
      if (player.send(event)) return true;
      if (!explained) player.refusals.push({ path, message: `the game does not accept ${what}` });
      player.playing = false;
      return false;
    },
  };
  return player;
}

export function playHistoricalLine(scenario: Scenario, seed: number | string = 1): HistoricalPlay {
  const player = linePlayer(new GameRun(scenario));
  const { run, sent, refusals } = player;
  player.send({ type: 'START', setup: { seed, playerSide: scenario.sides[0]!.id, opponent: { kind: 'hotseat' } } });
  scenario.debrief.line.forEach((step, s) => playStep(scenario, player, step, ['debrief', 'line', s]));
  // An outcome reached at a resolution or an incident takes one more CONTINUE to end the game.
  for (let i = 0; i < 3 && !run.isOver && run.snapshot.context.game?.outcome; i++) player.send({ type: 'CONTINUE' });
  const final = run.snapshot.context.game!;
  const phase = phaseOf(run.snapshot);
  const value = phase === 'over' && final.outcome ? final.outcome.kind : phase;
  const over = run.isOver;
  run.stop();
  return { sent, refusals, final, value, over };
}

/** Plays one step of the line from the opening of its round, or only reads it once the line is off course. */
function playStep(scenario: Scenario, player: LinePlayer, step: PlayedStep, path: Path): void {
  const { run, refusals } = player;
  if (!player.playing || run.isOver) {
    refusals.push(...stepFaults(scenario, step, path, null));
    return;
  }
  player.send({ type: 'CONTINUE' });
  if (run.isOver) return;
  const game = run.snapshot.context.game!;
  if (scenario.rounds[game.round]?.id !== step.round) {
    refusals.push({ path: [...path, 'round'], message: `the line reaches round ${game.round + 1} here, not "${step.round}"` });
    player.playing = false;
    refusals.push(...stepFaults(scenario, step, path, null));
    return;
  }
  const faults = stepFaults(scenario, step, path, game.agreed);
  refusals.push(...faults);
  const explained = faults.length > 0;
  // A step with a fault leaves the line off course: the steps after it are read, not played.
  if (explained) player.playing = false;
  if (!sendMoves(player, step, game, explained, path)) return;
  player.send({ type: 'CONTINUE' });
  if (phaseOf(run.snapshot) === 'incident') player.send({ type: 'CONTINUE' });
}

/** Sends the step's proposal, response and reply, on the tracks still open; false once the game refuses one. */
function sendMoves(player: LinePlayer, step: PlayedStep, game: GameState, explained: boolean, path: Path): boolean {
  const record = game.rounds[game.round]!;
  const prefix = `round "${step.round}": `;
  const proposal = { side: record.proposer, ...step.proposal, positions: stillOpen(step.proposal.positions, game.agreed) };
  if (!player.take({ type: 'PROPOSE', proposal }, explained, [...path, 'proposal'], `${prefix}the proposal by "${record.proposer}"`))
    return false;
  const response = writtenResponse(step.response, record.responder, game.agreed);
  const what = `${prefix}the ${response.kind} by "${record.responder}"`;
  if (!player.take({ type: 'RESPOND', response }, explained, [...path, 'response'], what)) return false;
  if (!step.reply) return true;
  const reply = { type: 'REPLY', reply: { side: record.proposer, ...step.reply } } as const;
  return player.take(reply, explained, [...path, 'reply'], `${prefix}the reply by "${record.proposer}"`);
}

const NO_DEAL: readonly OutcomeKind[] = ['stalemate', 'walkout'];

/**
 * Where the debrief's outcome says something other than where the line ends in the game: the
 * tracks agreed and on what, and how the talks ended.
 */
export function outcomeContradictions(scenario: Scenario, play: HistoricalPlay): Problem[] {
  // A refused line never reaches its end; a line that chance ended in war never reached the outcome (history tests weigh that).
  if (play.refusals.length > 0 || play.final.outcome?.kind === 'war') return [];
  const found: Problem[] = [];
  const outcome = scenario.debrief.outcome;
  const reached = play.final.agreed;
  // A line shorter than the scenario stops with the talks still on: what it has not agreed yet may come later.
  const over = play.final.outcome !== null;
  for (const [trackId, positionId] of Object.entries(outcome.agreed)) {
    const got = reached[trackId]?.position;
    if (got === positionId || (got === undefined && !over)) continue;
    found.push({
      path: ['debrief', 'outcome', 'agreed', trackId],
      message:
        got === undefined
          ? `the outcome has track "${trackId}" agreed on "${positionId}", but the historical line leaves it open`
          : `the outcome has track "${trackId}" agreed on "${positionId}", but the historical line agrees it on "${got}"`,
    });
  }
  for (const [trackId, { position, round }] of Object.entries(reached)) {
    if (!(trackId in outcome.agreed)) {
      found.push({
        path: ['debrief', 'outcome', 'agreed'],
        message: `the historical line agrees track "${trackId}" on "${position}" in round "${scenario.rounds[round]?.id}", but the outcome does not name it: add it to agreed`,
      });
    }
  }
  const ended = play.final.outcome;
  // Talks that end without a deal may historically be followed by war outside the room.
  const compatible = outcome.kind === 'war' && NO_DEAL.includes(ended?.kind ?? 'war');
  if (ended && !compatible && ended.kind !== outcome.kind) {
    found.push({
      path: ['debrief', 'outcome', 'kind'],
      message: `the outcome is "${outcome.kind}", but the historical line ends in "${ended.kind}" in round "${scenario.rounds[ended.round]?.id}"`,
    });
  }
  return found;
}

/** Every warning about the historical line: the steps the game refuses, and an outcome the line contradicts. */
export function historicalLineWarnings(scenario: Scenario): Problem[] {
  const play = playHistoricalLine(scenario);
  return [...play.refusals, ...outcomeContradictions(scenario, play)];
}
