/**
 * The deadline effect: before the last round a side does not sign away the issue that matters most
 * to it for less than half of what it wants there — it can still hope to do better, and its other
 * tracks are what it would trade for it. In the last round only the value of the whole counts.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { GameState, Positions } from '../rules/state.ts';
import { trackUtility, weightiestOpenTrack } from '../rules/world.ts';

/** Below this utility on its weightiest track, a side will not agree that track before the last round. */
const CORE_FLOOR = 50;

/** The open track that matters most to the side, when `positions` would put it below the floor before the last round. */
export function coreBelowFloor(scenario: Scenario, state: GameState, side: string, positions: Positions): string | null {
  if (state.round >= scenario.rounds.length - 1) return null;
  const core = weightiestOpenTrack(scenario, state, side);
  if (!core || !(core.id in positions)) return null;
  return trackUtility(core, side, positions[core.id]!) < CORE_FLOOR ? core.id : null;
}
