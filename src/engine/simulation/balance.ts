/**
 * Reading a balance run: for each side played by bots, the outcome frequencies of every policy
 * against every persona, and warnings when a scenario would teach little — war in nearly every
 * game or in none, one outcome in nearly every game, one policy doing best against every persona,
 * the random policy doing best against any, personas that end games alike, or games that end
 * before the talks have had several rounds.
 */
import { POLICY_NAMES, type PolicyName } from '../bots/policies.ts';
import type { Scenario } from '../scenario/schema.ts';
import { matchups, tally, type GameSummary, type Matchup, type Tally } from './batch.ts';

/** Shares at or beyond which a frequency counts as "nearly always" or "nearly never". */
export const NEARLY_ALWAYS = 0.95;
export const NEARLY_NEVER = 0.01;
/** A policy scores best against a persona only when it leads every other by at least this many points. */
export const SCORE_MARGIN = 1;
/** Two personas whose shares of endings (outcome and final band) differ by less than this (total variation) end games alike. */
export const ALIKE = 0.05;

/** The rounds a typical game should last: half the scenario's rounds, and at least two. */
export function severalRounds(scenario: Scenario): number {
  return Math.max(2, Math.ceil(scenario.rounds.length / 2));
}

/** The share of each ending (outcome and the band the risk ended in) over the games of several rows. */
function endingShares(rows: readonly { tally: Tally }[]): Record<string, number> {
  const games = Math.max(
    1,
    rows.reduce((total, row) => total + row.tally.games, 0),
  );
  const shares: Record<string, number> = {};
  for (const row of rows) {
    for (const [ending, count] of Object.entries(row.tally.endings)) shares[ending] = (shares[ending] ?? 0) + count / games;
  }
  return shares;
}

function distance(a: Record<string, number>, b: Record<string, number>): number {
  const endings = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...endings].reduce((total, ending) => total + Math.abs((a[ending] ?? 0) - (b[ending] ?? 0)), 0) / 2;
}

export interface SideBalance {
  side: string;
  rows: { matchup: Matchup; tally: Tally }[];
  total: Tally;
}

/** Every policy against every persona, for the first side's seat and then the second's. */
export function balancePlan(scenario: Scenario): Matchup[] {
  return scenario.sides.flatMap((side) => matchups(scenario, side.id, POLICY_NAMES, null));
}

export function balanceBySide(scenario: Scenario, plan: Matchup[], games: readonly GameSummary[]): SideBalance[] {
  return scenario.sides.map((side) => {
    const indices = plan.map((matchup, i) => (matchup.side === side.id ? i : -1)).filter((i) => i >= 0);
    return {
      side: side.id,
      rows: indices.map((i) => ({
        matchup: plan[i]!,
        tally: tally(
          scenario,
          games.filter((game) => game.matchup === i),
        ),
      })),
      total: tally(
        scenario,
        games.filter((game) => indices.includes(game.matchup)),
      ),
    };
  });
}

const percent = (share: number) => `${(share * 100).toFixed(0)}%`;

export function balanceWarnings(scenario: Scenario, sides: readonly SideBalance[]): string[] {
  const warnings: string[] = [];
  for (const balance of sides) {
    const name = scenario.sides.find((side) => side.id === balance.side)!.name;
    const games = Math.max(1, balance.total.games);
    const war = balance.total.outcomes.war / games;
    if (war >= NEARLY_ALWAYS) warnings.push(`war in nearly every game (${percent(war)}) when bots play ${name}`);
    if (war <= NEARLY_NEVER) warnings.push(`war in almost no game (${percent(war)}) when bots play ${name}: the risk may not bite`);
    for (const [kind, count] of Object.entries(balance.total.outcomes)) {
      if (kind !== 'war' && count / games >= NEARLY_ALWAYS)
        warnings.push(`the same outcome, ${kind}, in ${percent(count / games)} of games when bots play ${name}`);
    }
    // A policy that scores best against every persona leaves the player nothing to learn.
    const personas = [...new Set(balance.rows.map((row) => row.matchup.persona))];
    const best = personas.map((persona): PolicyName | null => {
      const scores = balance.rows
        .filter((row) => row.matchup.persona === persona)
        .map((row) => ({ policy: row.matchup.policy, score: row.tally.meanScores[balance.side] ?? 0 }));
      const top = Math.max(...scores.map((item) => item.score));
      const leaders = scores.filter((item) => top - item.score < SCORE_MARGIN);
      // Only a policy clearly ahead counts: a tie, or a lead within the noise of a run, is no domination.
      return leaders.length === 1 ? leaders[0]!.policy : null;
    });
    const policy = best[0];
    if (policy && personas.length > 1 && best.every((item) => item === policy)) {
      warnings.push(`the ${policy} policy scores best against every persona when bots play ${name}`);
    }
    // Chance beating every strategy means the counterpart can be exploited by noise.
    personas.forEach((persona, i) => {
      if (best[i] === 'random') warnings.push(`the random policy scores best against ${persona} when bots play ${name}`);
    });
    // Personas that end games the same way give a class nothing to compare.
    const byPersona = personas.map((persona) => endingShares(balance.rows.filter((row) => row.matchup.persona === persona)));
    personas.forEach((persona, i) => {
      for (let j = i + 1; j < personas.length; j++) {
        if (distance(byPersona[i]!, byPersona[j]!) < ALIKE) {
          warnings.push(`${persona} and ${personas[j]} end games alike when bots play ${name}`);
        }
      }
    });
    if (balance.total.medianRounds < severalRounds(scenario)) {
      warnings.push(
        `a typical game lasts ${balance.total.medianRounds} round${balance.total.medianRounds === 1 ? '' : 's'} when bots play ${name}, fewer than ${severalRounds(scenario)}: the talks end before they teach`,
      );
    }
  }
  return warnings;
}
