// What the game's sound should do, as pure functions of the game's numbers: which one-shot cues
// exist, how loud and fast the ambient bed runs at a given risk, and when the alarm sounds. No
// Howler and no DOM here, so the decisions are testable in Node; sound-board.ts carries them out.

import { bandOf } from '../../engine/rules/world.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';

/** The one-shot sounds. The looping ambient bed is driven by `ambientLevel` instead. */
export const SOUND_CUES = ['click', 'card', 'stamp', 'alarm'] as const;
export type SoundCue = (typeof SOUND_CUES)[number];

/** The risk gauge's range (the scenario schema's risk scale). */
export const RISK_MAX = 100;

export interface AmbientLevel {
  /** Howl volume, 0..1, applied under the player's global volume. */
  volume: number;
  /** Playback rate; above 1 also raises the drones' pitch a little, which reads as strain. */
  rate: number;
}

// At low risk the bed is barely there (it should not tire the ear over a 20-minute game); near the
// top it is clearly present but still under the cues.
const QUIET = 0.04;
const LOUD = 0.55;
const TOP_RATE = 1.08;

/** The ambient bed's level for a risk on the 0..100 gauge; non-decreasing in risk, clamped. */
export function ambientLevel(risk: number): AmbientLevel {
  const t = Number.isFinite(risk) ? Math.min(1, Math.max(0, risk / RISK_MAX)) : 0;
  // Squared curves keep the calm bands quiet and let the change gather pace towards the brink.
  return { volume: QUIET + (LOUD - QUIET) * t * t, rate: 1 + (TOP_RATE - 1) * t * t };
}

/**
 * Whether a move of the risk entered a higher band: the cue for the alarm. Falling or staying is
 * quiet. The bands are sorted by where they start, so the higher band is the one starting higher.
 */
export function bandRose(scenario: Scenario, fromRisk: number, toRisk: number): boolean {
  return bandOf(scenario, toRisk).from > bandOf(scenario, fromRisk).from;
}
