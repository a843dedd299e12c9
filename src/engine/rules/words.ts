/**
 * The rules' ids and numbers in words, one way for every teller of the game: the replay
 * command's narration, the live region, the round result and the debrief say them alike.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Positions } from './state.ts';

/** "Missiles: Moratorium; Exercises: Notified": each track of a package with its position's label. */
export function positionsText(scenario: Scenario, positions: Positions): string {
  return Object.entries(positions)
    .map(([trackId, positionId]) => {
      const track = scenario.tracks.find((item) => item.id === trackId);
      return `${track?.name ?? trackId}: ${track?.positions.find((position) => position.id === positionId)?.label ?? positionId}`;
    })
    .join('; ');
}

/** A posture move by name, or "no posture move". */
export function moveName(scenario: Scenario, id: string | null): string {
  return id === null ? 'no posture move' : (scenario.postureMoves.find((move) => move.id === id)?.name ?? id);
}

/**
 * A change or a term with its sign and one decimal: "+1.5", "−0.7", "±0.0". The minus is a true
 * minus sign (U+2212), which screen readers say as "minus" where a hyphen may go unsaid; zero
 * carries ± because it is neither a gain nor a loss.
 */
export function signed(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(1)}`;
}
