/**
 * The gauge's geometry, kept apart from drawing so it is tested without a browser: a half-dial
 * from 0 (left) to 100 (right), and how much the needle trembles at a given risk.
 */
export const GAUGE_START = Math.PI;
export const GAUGE_END = 2 * Math.PI;

/** The needle angle (radians, Phaser's clockwise convention) for a risk from 0 to 100. */
export function angleFor(risk: number): number {
  const clamped = Math.min(100, Math.max(0, risk));
  return GAUGE_START + (clamped / 100) * (GAUGE_END - GAUGE_START);
}

/** The needle's idle tremble in risk points: none when calm, a nervous flicker near the brink. */
export function trembleAmplitude(risk: number): number {
  return risk < 40 ? 0 : ((risk - 40) / 60) * 1.2;
}

/** Band colours from calm to brink; bands are also named on screen, so colour is never the only cue. */
export const BAND_COLOURS = [0x3f8f5f, 0xb5a33a, 0xd9822b, 0xc94a2f, 0x8f1d2c, 0x5c0f1c, 0x3d0a12, 0x1f0509];
