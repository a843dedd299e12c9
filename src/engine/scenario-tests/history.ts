/** History cases: where the scenario's historical line of play ends in the game, for several seeds. */
import { bandOf } from '../rules/world.ts';
import { playHistoricalLine } from '../scenario/historical-line.ts';
import { formatProblem } from '../scenario/problems.ts';
import type { Scenario } from '../scenario/schema.ts';
import { endingsOf, inRange, rangeText } from './endings.ts';
import { fmt, seedRuns, type CaseResult } from './result.ts';
import type { HistoryCase } from './schema.ts';

interface Played {
  seed: number;
  outcome: string;
  round: number;
  finalRisk: number;
  band: string;
  broken: string[];
}

export function runHistoryCase(scenario: Scenario, item: HistoryCase): CaseResult {
  const played: Played[] = [];
  const refused = new Set<string>();
  for (let seed = item.firstSeed; seed < item.firstSeed + item.seeds; seed++) {
    const play = playHistoricalLine(scenario, seed);
    for (const refusal of play.refusals) refused.add(`the game refuses the historical line: ${formatProblem(refusal)}`);
    const outcome = play.final.outcome;
    const endings = endingsOf(scenario, outcome?.kind ?? null, play.final.risk);
    const broken: string[] = [];
    if (item.expect.endsIn && !item.expect.endsIn.some((ending) => endings.has(ending)))
      broken.push(`not ${item.expect.endsIn.join(' or ')}`);
    if (item.expect.finalRisk && !inRange(play.final.risk, item.expect.finalRisk))
      broken.push(`final risk not ${rangeText(item.expect.finalRisk)}`);
    played.push({
      seed,
      outcome: outcome?.kind ?? 'unfinished',
      round: (outcome?.round ?? play.final.round) + 1,
      finalRisk: play.final.risk,
      band: bandOf(scenario, play.final.risk).name,
      broken,
    });
  }
  const failures = [...refused];
  const describe = (game: Played) =>
    `${game.outcome === 'unfinished' ? 'still on' : game.outcome} in round ${game.round} at risk ${fmt(game.finalRisk)} (${game.band})`;
  const groups = new Map<string, Played[]>();
  for (const game of played) groups.set(`${game.outcome}|${game.round}`, [...(groups.get(`${game.outcome}|${game.round}`) ?? []), game]);
  const summary = [...groups.values()]
    .map(
      (games) =>
        `${games[0]!.outcome === 'unfinished' ? 'still on' : games[0]!.outcome} in round ${games[0]!.round} (seed${games.length === 1 ? '' : 's'} ${seedRuns(games.map((game) => game.seed))})`,
    )
    .join('; ');
  const wrong = played.filter((game) => game.broken.length > 0);
  if (wrong.length > 0) {
    const expected = [
      ...(item.expect.endsIn ? [`to end in ${item.expect.endsIn.join(' or ')}`] : []),
      ...(item.expect.finalRisk ? [`a final risk ${rangeText(item.expect.finalRisk)}`] : []),
    ].join(' and ');
    failures.push(`the line ends wrongly in ${wrong.length} of ${played.length} seeds (expected ${expected}):`);
    for (const game of wrong.slice(0, 10)) failures.push(`  seed ${game.seed}: ${describe(game)}`);
    if (wrong.length > 10) failures.push(`  … and ${wrong.length - 10} more`);
  }
  return {
    name: item.name,
    kind: 'history',
    why: item.why ?? null,
    holds: failures.length === 0,
    summary: `${played.length} seeds: ${summary}; final risk ${fmt(Math.min(...played.map((game) => game.finalRisk)))}–${fmt(Math.max(...played.map((game) => game.finalRisk)))}`,
    failures,
    reasons: [],
    details: { seeds: { first: item.firstSeed, count: item.seeds }, played },
  };
}
