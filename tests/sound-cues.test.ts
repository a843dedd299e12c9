import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ambientLevel, bandIndex, bandRose } from '../src/game/audio/sound-cues.ts';
import { fuzzRuns } from './fuzz-values.ts';

// Shaped like a scenario's escalation.bands (sorted by `from`, the first at 0).
const bands = [
  { id: 'calm', name: 'Calm', from: 0 },
  { id: 'tension', name: 'Tension', from: 20 },
  { id: 'crisis', name: 'Crisis', from: 40 },
  { id: 'confrontation', name: 'Confrontation', from: 60 },
  { id: 'brink', name: 'Brink', from: 80 },
];
const risk = fc.double({ min: -20, max: 120, noNaN: true });

describe('ambientLevel', () => {
  it('never falls as the risk rises, in volume or in rate', () => {
    fc.assert(
      fc.property(risk, risk, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(ambientLevel(high).volume).toBeGreaterThanOrEqual(ambientLevel(low).volume);
        expect(ambientLevel(high).rate).toBeGreaterThanOrEqual(ambientLevel(low).rate);
      }),
      fuzzRuns(2000),
    );
  });

  it('stays within a usable range for any input, clamping beyond the gauge', () => {
    for (const r of [-Infinity, -5, 0, 33, 50, 99.9, 100, 250, Infinity, NaN]) {
      const { volume, rate } = ambientLevel(r);
      expect(volume).toBeGreaterThanOrEqual(0);
      expect(volume).toBeLessThanOrEqual(1);
      expect(rate).toBeGreaterThanOrEqual(0.9);
      expect(rate).toBeLessThanOrEqual(1.15);
    }
    expect(ambientLevel(-10)).toEqual(ambientLevel(0));
    expect(ambientLevel(140)).toEqual(ambientLevel(100));
  });

  it('is nearly silent when calm and clearly louder and a little faster at the brink', () => {
    expect(ambientLevel(0).volume).toBeLessThanOrEqual(0.08);
    expect(ambientLevel(0).rate).toBe(1);
    expect(ambientLevel(100).volume).toBeGreaterThanOrEqual(0.4);
    expect(ambientLevel(100).rate).toBeGreaterThan(1.03);
    expect(ambientLevel(60).volume).toBeGreaterThan(ambientLevel(40).volume);
  });
});

describe('bandRose', () => {
  it('is true when the risk enters a higher band', () => {
    expect(bandRose(bands, 10, 25)).toBe(true);
    expect(bandRose(bands, 19.9, 20)).toBe(true);
    expect(bandRose(bands, 5, 95)).toBe(true);
  });

  it('is false when the risk falls a band or moves inside one', () => {
    expect(bandRose(bands, 25, 10)).toBe(false);
    expect(bandRose(bands, 20, 19.9)).toBe(false);
    expect(bandRose(bands, 21, 39)).toBe(false);
    expect(bandRose(bands, 45, 45)).toBe(false);
    expect(bandRose(bands, 95, 5)).toBe(false);
  });

  it('agrees with counting the band starts at or below each risk', () => {
    const startsBelow = (r: number) => bands.filter((band) => band.from <= r).length;
    fc.assert(
      fc.property(risk, risk, (from, to) => {
        expect(bandRose(bands, from, to)).toBe(startsBelow(to) > startsBelow(from));
      }),
      fuzzRuns(2000),
    );
  });

  it('finds the band a risk lies in, the first band starting at its `from`', () => {
    expect(bandIndex(bands, 0)).toBe(0);
    expect(bandIndex(bands, 59.99)).toBe(2);
    expect(bandIndex(bands, 60)).toBe(3);
    expect(bandIndex(bands, 100)).toBe(4);
    expect(bandRose([], 0, 100)).toBe(false);
  });
});
