// What the game's sound should do, as pure functions: which one-shot cues exist, how loud and fast
// the ambient bed runs at a given risk, and which cue each of the machine's signals plays. No Howler
// and no DOM here, so the decisions are testable in Node; sound-board.ts carries them out.

import type { GameSignal } from '../../engine/machine/signals.ts';

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

/** What each signal of the machine sounds like, the most pressing first: one cue per step. */
const CUE_OF_SIGNAL: readonly [GameSignal['type'], SoundCue][] = [
  ['risk-band-rose', 'alarm'],
  ['tracks-agreed', 'stamp'],
  ['package-tabled', 'card'],
];

/** The one cue for what the machine signalled in a step (a tabled package answered and resolved at once sounds once). */
export function cueOf(signals: readonly GameSignal[]): SoundCue | null {
  return CUE_OF_SIGNAL.find(([type]) => signals.some((signal) => signal.type === type))?.[1] ?? null;
}
