/**
 * Plays whole games through the machine with bot policies at the players' seats: the same path
 * a person's clicks take, so simulation results speak for the real game.
 */
import { POLICIES, type PolicyName } from '../bots/policies.ts';
import type { GameEvent } from '../machine/game-machine.ts';
import { GameRun } from '../machine/game-run.ts';
import { MOVES, moverOf } from '../machine/moves.ts';
import { isTablePhase, phaseOf } from '../machine/phase.ts';
import { Dice, seedState } from '../random.ts';
import { scoreGame, type Score } from '../rules/score.ts';
import type { GameState, Outcome, Setup } from '../rules/state.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { TimedEvent } from '../session/format.ts';

export interface GameResult {
  seed: Setup['seed'];
  outcome: Outcome;
  finalRisk: number;
  roundsPlayed: number;
  scores: Score[];
  events: TimedEvent[];
  final: GameState;
}

/** The event a bot sends in the machine's current state, or null when the game is over. */
export function botEvent(run: GameRun, policies: Record<string, PolicyName>, dice: Dice): GameEvent | null {
  const snapshot = run.snapshot;
  const state = snapshot.context.game;
  if (!state || snapshot.status === 'done') return null;
  const phase = phaseOf(snapshot);
  if (!isTablePhase(phase)) return { type: 'CONTINUE' };
  const move = MOVES[phase];
  const side = moverOf(state, move.mover);
  return move.botEvent(POLICIES[policies[side] ?? 'random'], { scenario: run.scenario, state, side, dice });
}

/**
 * Plays one game. `policies` names the bot at each human seat: the player's side against an AI
 * persona, or both sides in hot-seat.
 */
export function playGame(scenario: Scenario, setup: Setup, policies: Record<string, PolicyName>): GameResult {
  const run = new GameRun(scenario);
  if (!run.send({ type: 'START', setup })) throw new Error('invalid setup');
  const dice = new Dice(seedState(`${setup.seed}:bots`));
  const events: TimedEvent[] = [];
  for (let step = 0; step < 200; step++) {
    const event = botEvent(run, policies, dice);
    if (!event) break;
    if (!run.send(event)) throw new Error(`a ${policies[setup.playerSide]} bot made an illegal move: ${JSON.stringify(event)}`);
    events.push({ at: step * 1000, event });
  }
  const final = run.snapshot.context.game!;
  run.stop();
  if (!final.outcome) throw new Error('the game did not end');
  return {
    seed: setup.seed,
    outcome: final.outcome,
    finalRisk: final.risk,
    roundsPlayed: final.round + 1,
    scores: scoreGame(scenario, final),
    events,
    final,
  };
}
