/**
 * Batches of simulated games and their statistics. A batch is a plain description (so it can be
 * sent to a worker thread); game i of a run always gets the same seed and matchup, however the
 * run is split, so the same arguments always print the same figures.
 */
import type { PolicyName } from '../bots/policies.ts';
import { OUTCOME_KINDS, type OutcomeKind, type Scenario } from '../scenario/schema.ts';
import { bandOf, otherSide } from '../rules/world.ts';
import { playGame, type GameResult } from './play.ts';

/** A bot policy at one side's seat against an AI persona at the other's. */
export interface Matchup {
  side: string;
  policy: PolicyName;
  persona: string;
}

export interface BatchSpec {
  seed: number;
  matchups: Matchup[];
  /** Game indices [from, to) of the whole run. */
  from: number;
  to: number;
}

export interface GameSummary {
  index: number;
  matchup: number;
  outcome: OutcomeKind;
  /** The side that walked out, when the game ended in a walk-out. */
  walkedOut?: string;
  finalRisk: number;
  rounds: number;
  scores: Record<string, number>;
}

export function gameSetup(spec: BatchSpec, index: number) {
  const matchup = spec.matchups[index % spec.matchups.length]!;
  return {
    matchup: index % spec.matchups.length,
    setup: { seed: spec.seed + index, playerSide: matchup.side, opponent: { kind: 'ai' as const, persona: matchup.persona } },
    policies: { [matchup.side]: matchup.policy },
  };
}

export function summarise(index: number, matchup: number, result: GameResult): GameSummary {
  return {
    index,
    matchup,
    outcome: result.outcome.kind,
    ...(result.outcome.kind === 'walkout' ? { walkedOut: result.final.rounds[result.outcome.round]?.response?.side } : {}),
    finalRisk: result.finalRisk,
    rounds: result.roundsPlayed,
    scores: Object.fromEntries(result.scores.map((score) => [score.side, score.total])),
  };
}

export function runBatch(scenario: Scenario, spec: BatchSpec, onGame?: (index: number, result: GameResult) => void): GameSummary[] {
  const summaries: GameSummary[] = [];
  for (let index = spec.from; index < spec.to; index++) {
    const game = gameSetup(spec, index);
    const result = playGame(scenario, game.setup, game.policies);
    onGame?.(index, result);
    summaries.push(summarise(index, game.matchup, result));
  }
  return summaries;
}

/** Every bot policy against every AI persona of the other side, or the ones named. */
export function matchups(scenario: Scenario, side: string, policies: readonly PolicyName[], personas: readonly string[] | null): Matchup[] {
  const aiSide = otherSide(scenario, side);
  const available = scenario.personas.filter((persona) => persona.side === aiSide).map((persona) => persona.id);
  const chosen = personas ?? available;
  return policies.flatMap((policy) => chosen.map((persona) => ({ side, policy, persona })));
}

export interface Tally {
  games: number;
  outcomes: Record<OutcomeKind, number>;
  /** Walk-outs by the side that walked out. */
  walkouts: Record<string, number>;
  meanRisk: number;
  meanRounds: number;
  /** The rounds a typical game lasts: the median over the games. */
  medianRounds: number;
  /** How games ended: outcome and the band the risk ended in, as "outcome@band", with their counts. */
  endings: Record<string, number>;
  meanScores: Record<string, number>;
}

export function tally(scenario: Scenario, games: readonly GameSummary[]): Tally {
  const outcomes = Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, 0])) as Record<OutcomeKind, number>;
  const totals: Record<string, number> = Object.fromEntries(scenario.sides.map((side) => [side.id, 0]));
  const walkouts: Record<string, number> = Object.fromEntries(scenario.sides.map((side) => [side.id, 0]));
  let risk = 0;
  let rounds = 0;
  const endings: Record<string, number> = {};
  for (const game of games) {
    outcomes[game.outcome]++;
    if (game.walkedOut !== undefined) walkouts[game.walkedOut] = (walkouts[game.walkedOut] ?? 0) + 1;
    const ending = `${game.outcome}@${bandOf(scenario, game.finalRisk).id}`;
    endings[ending] = (endings[ending] ?? 0) + 1;
    risk += game.finalRisk;
    rounds += game.rounds;
    for (const side of scenario.sides) totals[side.id]! += game.scores[side.id] ?? 0;
  }
  const count = Math.max(1, games.length);
  const lengths = games.map((game) => game.rounds).sort((a, b) => a - b);
  const middle = lengths.length >> 1;
  const medianRounds = lengths.length === 0 ? 0 : lengths.length % 2 ? lengths[middle]! : (lengths[middle - 1]! + lengths[middle]!) / 2;
  return {
    games: games.length,
    outcomes,
    walkouts,
    meanRisk: risk / count,
    meanRounds: rounds / count,
    medianRounds,
    endings,
    meanScores: Object.fromEntries(Object.entries(totals).map(([side, total]) => [side, total / count])),
  };
}
