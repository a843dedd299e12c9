/** How a game ended, in the words tests use: its outcome, and the groupings an author may name. */
import type { OutcomeKind, Scenario } from '../scenario/schema.ts';
import type { Ending } from './schema.ts';

/** The lowest risk of the top band of the scenario's gauge ("Brink" in the bundled scenarios). */
export function topBandFrom(scenario: Scenario): number {
  return scenario.escalation.bands.at(-1)!.from;
}

/** Every ending a game belongs to; `outcome` is null when the game is not over. */
export function endingsOf(scenario: Scenario, outcome: OutcomeKind | null, finalRisk: number): Set<Ending> {
  const endings = new Set<Ending>();
  if (outcome) endings.add(outcome);
  if (outcome === 'agreement' || outcome === 'partial-deal') endings.add('deal');
  if (outcome === 'stalemate' || outcome === 'walkout' || outcome === 'war') endings.add('no-deal');
  if (outcome !== 'war' && finalRisk >= topBandFrom(scenario)) endings.add('brink');
  if (outcome === 'war' || endings.has('brink')) endings.add('brink-or-war');
  return endings;
}

/** Whether a figure lies within a range (either end may be open). */
export function inRange(value: number, range: { min?: number | undefined; max?: number | undefined }): boolean {
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

export function rangeText(range: { min?: number | undefined; max?: number | undefined }, unit = ''): string {
  if (range.min !== undefined && range.max !== undefined) return `from ${range.min}${unit} to ${range.max}${unit}`;
  return range.min !== undefined ? `at least ${range.min}${unit}` : `at most ${range.max}${unit}`;
}
