/** The risk gauge and chart, read off the scenario and the game: bands, the last change and its factors. */
import type { Factor, GameState, RiskChange } from '../../engine/rules/state.ts';
import { bandOf } from '../../engine/rules/world.ts';
import { signed } from '../../engine/rules/words.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

export interface BandView {
  id: string;
  name: string;
  from: number;
  to: number;
  description: string;
}

export function bands(scenario: Scenario): BandView[] {
  const list = scenario.escalation.bands;
  return list.map((band, i) => ({
    id: band.id,
    name: band.name,
    from: band.from,
    to: list[i + 1]?.from ?? 100,
    description: band.description,
  }));
}

export function bandName(scenario: Scenario, risk: number): string {
  return bandOf(scenario, risk).name;
}

export function allRiskChanges(game: GameState): RiskChange[] {
  return game.rounds.flatMap((record) => record.riskChanges);
}

export function lastRiskChange(game: GameState): RiskChange | null {
  return allRiskChanges(game).at(-1) ?? null;
}

/** The scenes take the engine's signed numbers from here, with the rest of the risk in words. */
export { signed };

export function factorLine(factor: Factor): string {
  return `${signed(factor.value)} ${factor.label}`;
}

export function describeRiskChange(scenario: Scenario, change: RiskChange): string {
  const direction = change.to > change.from ? 'rose' : change.to < change.from ? 'fell' : 'held';
  return `Risk ${direction} from ${change.from.toFixed(1)} to ${change.to.toFixed(1)} (${bandName(scenario, change.to)}): ${change.factors.map(factorLine).join('; ')}.`;
}

/** The risk at the opening and at the end of each round played, for the chart. */
export function riskSeries(scenario: Scenario, game: GameState): { label: string; risk: number; changes: RiskChange[] }[] {
  const points = [{ label: 'Start', risk: scenario.escalation.initialRisk, changes: [] as RiskChange[] }];
  for (const record of game.rounds) {
    const last = record.riskChanges.at(-1);
    points.push({ label: `R${record.round + 1}`, risk: last ? last.to : points.at(-1)!.risk, changes: record.riskChanges });
  }
  return points;
}
