/** Choosing where to give ground: the cheapest single step toward the other side. */
import type { Scenario } from '../scenario/schema.ts';
import type { GameState, Positions } from '../rules/state.ts';
import { concedingDirection, isRedLine, openTracks, positionIndex, trackUtility } from '../rules/world.ts';

/**
 * `own` moved one step toward `theirs` on the open track where the step costs `side` the least
 * weighted utility, never onto its own red line and never past the other side's demand.
 * Returns null when no such step exists.
 */
export function cheapestConcession(
  scenario: Scenario,
  state: GameState,
  side: string,
  own: Positions,
  theirs: Positions,
): { positions: Positions; track: string } | null {
  const direction = concedingDirection(scenario, side);
  let best: { cost: number; track: string; position: string } | null = null;
  for (const item of openTracks(scenario, state)) {
    const from = positionIndex(item, own[item.id]!);
    const target = positionIndex(item, theirs[item.id] ?? item.positions[from]!.id);
    if ((target - from) * direction <= 0) continue;
    const next = item.positions[from + direction];
    if (!next || isRedLine(item, side, next.id)) continue;
    const cost = (item.weight[side] ?? 0) * (trackUtility(item, side, own[item.id]!) - trackUtility(item, side, next.id));
    if (!best || cost < best.cost) best = { cost, track: item.id, position: next.id };
  }
  return best ? { positions: { ...own, [best.track]: best.position }, track: best.track } : null;
}
