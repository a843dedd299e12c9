/**
 * Statistical cases: a bot policy at one side against AI personas over many games, played as
 * `red-lines simulate` plays them (game i has seed firstSeed + i and matchup i mod the number of
 * matchups), and the shares of the ways they ended held against ranges.
 */
import { otherSide } from '../rules/world.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runBatch, type GameSummary, type Matchup } from '../simulation/batch.ts';
import { endingsOf, inRange, rangeText } from './endings.ts';
import { fmt, percent, type CaseResult } from './result.ts';
import { ENDINGS, type Ending, type StatisticalCase } from './schema.ts';

export interface Shares {
  games: number;
  /** Each ending's share of the games, 0–1. */
  shares: Record<Ending, number>;
  meanRounds: number;
  meanFinalRisk: number;
}

export function sharesOf(scenario: Scenario, games: readonly GameSummary[]): Shares {
  const counts = Object.fromEntries(ENDINGS.map((ending) => [ending, 0])) as Record<Ending, number>;
  let rounds = 0;
  let risk = 0;
  for (const game of games) {
    for (const ending of endingsOf(scenario, game.outcome, game.finalRisk)) counts[ending]++;
    rounds += game.rounds;
    risk += game.finalRisk;
  }
  const total = Math.max(1, games.length);
  return {
    games: games.length,
    shares: Object.fromEntries(ENDINGS.map((ending) => [ending, counts[ending] / total])) as Record<Ending, number>,
    meanRounds: rounds / total,
    meanFinalRisk: risk / total,
  };
}

/** "agreement 0%, partial-deal 10%, … (deal 10%, no-deal 90%, brink 5%, brink-or-war 50%)". */
export function sharesText(figures: Shares): string {
  const part = (endings: readonly Ending[]) => endings.map((ending) => `${ending} ${percent(figures.shares[ending])}`).join(', ');
  return `${part(ENDINGS.slice(0, 5))} (${part(ENDINGS.slice(5))}); mean rounds ${fmt(figures.meanRounds)}, mean final risk ${fmt(figures.meanFinalRisk)}`;
}

export function runStatisticalCase(scenario: Scenario, item: StatisticalCase): CaseResult {
  const policies = typeof item.policy === 'string' ? [item.policy] : item.policy;
  const aiSide = otherSide(scenario, item.side);
  const personas =
    item.persona === undefined
      ? scenario.personas.filter((persona) => persona.side === aiSide).map((persona) => persona.id)
      : typeof item.persona === 'string'
        ? [item.persona]
        : item.persona;
  const matchups: Matchup[] = policies.flatMap((policy) => personas.map((persona) => ({ side: item.side, policy, persona })));
  const games = runBatch(scenario, { seed: item.firstSeed, matchups, from: 0, to: item.games });
  const all = sharesOf(scenario, games);
  const failures: string[] = [];
  for (const [ending, range] of Object.entries(item.expect.shares ?? {}) as [Ending, { min?: number; max?: number } | undefined][]) {
    if (!range) continue;
    const share = all.shares[ending] * 100;
    if (!inRange(share, range))
      failures.push(`${ending}: ${percent(all.shares[ending])} of ${all.games} games; expected ${rangeText(range, '%')}`);
  }
  if (item.expect.meanRounds && !inRange(all.meanRounds, item.expect.meanRounds)) {
    failures.push(`mean rounds played: ${fmt(all.meanRounds)}; expected ${rangeText(item.expect.meanRounds)}`);
  }
  if (item.expect.meanFinalRisk && !inRange(all.meanFinalRisk, item.expect.meanFinalRisk)) {
    failures.push(`mean final risk: ${fmt(all.meanFinalRisk)}; expected ${rangeText(item.expect.meanFinalRisk)}`);
  }
  const byMatchup = matchups.map((matchup, index) => ({
    ...matchup,
    ...sharesOf(
      scenario,
      games.filter((game) => game.matchup === index),
    ),
  }));
  if (failures.length > 0) {
    failures.push(`observed over ${all.games} games: ${sharesText(all)}`);
    if (matchups.length > 1) {
      for (const matchup of byMatchup)
        failures.push(`  ${matchup.policy} vs ${matchup.persona} (${matchup.games} games): ${sharesText(matchup)}`);
    }
  }
  const named = Object.keys(item.expect.shares ?? {}) as Ending[];
  const summaryShares = named.length > 0 ? named.map((ending) => `${ending} ${percent(all.shares[ending])}`).join(', ') : sharesText(all);
  return {
    name: item.name,
    kind: 'statistical',
    why: item.why ?? null,
    holds: failures.length === 0,
    summary: `${all.games} games, ${policies.join('/')} (${item.side}) vs ${personas.join('/')}: ${summaryShares}; mean rounds ${fmt(all.meanRounds)}`,
    failures,
    reasons: [],
    details: {
      side: item.side,
      games: all.games,
      seeds: { first: item.firstSeed, count: item.games },
      shares: all.shares,
      meanRounds: all.meanRounds,
      meanFinalRisk: all.meanFinalRisk,
      matchups: byMatchup,
    },
  };
}
