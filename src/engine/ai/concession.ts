/**
 * Choosing where to give ground: one step toward the other side on the track where the step
 * costs the side least for what it gives the other — a trade across tracks (logrolling): give on
 * what matters more to them than to you, hold what matters more to you.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { GameState, Positions } from '../rules/state.ts';
import { coreBelowFloor } from './core-demand.ts';
import { concedingDirection, isRedLine, openTracks, otherSide, positionIndex, trackUtility } from '../rules/world.ts';

/** Keeps the ratio finite when a step gives the other side nothing. */
const SMALLEST_GAIN = 0.01;

export interface Concession {
  positions: Positions;
  track: string;
  from: string;
  to: string;
}

/**
 * `own` moved one step toward `theirs` on the open track where the step's weighted cost to `side`,
 * for each point it gives the other side, is lowest; never onto its own red line and never past
 * the other side's demand; with `holdCore`, never below half on its core issue before the last
 * round (the AI's deadline effect). Returns null when no such step exists.
 */
export function cheapestConcession(
  scenario: Scenario,
  state: GameState,
  side: string,
  own: Positions,
  theirs: Positions,
  holdCore = false,
): Concession | null {
  const direction = concedingDirection(scenario, side);
  const other = otherSide(scenario, side);
  let best: { price: number; concession: Concession } | null = null;
  for (const item of openTracks(scenario, state)) {
    const from = positionIndex(item, own[item.id]!);
    const target = positionIndex(item, theirs[item.id] ?? item.positions[from]!.id);
    if ((target - from) * direction <= 0) continue;
    const current = item.positions[from]!;
    const next = item.positions[from + direction];
    if (!next || isRedLine(item, side, next.id)) continue;
    // Never offer what it would refuse to sign: its core issue below the floor before the last round.
    if (holdCore && coreBelowFloor(scenario, state, side, { [item.id]: next.id }) !== null) continue;
    const cost = (item.weight[side] ?? 0) * (trackUtility(item, side, current.id) - trackUtility(item, side, next.id));
    const given = (item.weight[other] ?? 0) * (trackUtility(item, other, next.id) - trackUtility(item, other, current.id));
    const price = cost / Math.max(SMALLEST_GAIN, given);
    if (!best || price < best.price) {
      best = { price, concession: { positions: { ...own, [item.id]: next.id }, track: item.id, from: current.id, to: next.id } };
    }
  }
  return best?.concession ?? null;
}
