import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ambientLevel, bandRose } from '../src/game/audio/sound-cues.ts';
import { fuzzRuns } from './fuzz-values.ts';
import { geneva } from './helpers.ts';

// Shaped like a scenario's escalation.bands (sorted by `from`, the first at 0).
const bands = [
  { id: 'calm', name: 'Calm', from: 0 },
  { id: 'tension', name: 'Tension', from: 20 },
  { id: 'crisis', name: 'Crisis', from: 40 },
  { id: 'confrontation', name: 'Confrontation', from: 60 },
  { id: 'brink', name: 'Brink', from: 80 },
];
const scenario = { ...geneva, escalation: { ...geneva.escalation, bands: bands.map((band) => ({ ...band, description: band.name })) } };
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
    expect(bandRose(scenario, 10, 25)).toBe(true);
    expect(bandRose(scenario, 19.9, 20)).toBe(true);
    expect(bandRose(scenario, 5, 95)).toBe(true);
  });

  it('is false when the risk falls a band or moves inside one', () => {
    expect(bandRose(scenario, 25, 10)).toBe(false);
    expect(bandRose(scenario, 20, 19.9)).toBe(false);
    expect(bandRose(scenario, 21, 39)).toBe(false);
    expect(bandRose(scenario, 45, 45)).toBe(false);
    expect(bandRose(scenario, 95, 5)).toBe(false);
  });

  it('agrees with counting the band starts at or below each risk on the gauge', () => {
    const startsBelow = (r: number) => bands.filter((band) => band.from <= r).length;
    const gauge = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(gauge, gauge, (from, to) => {
        expect(bandRose(scenario, from, to)).toBe(startsBelow(to) > startsBelow(from));
      }),
      fuzzRuns(2000),
    );
  });

  it('rises on reaching the start of a band, the first band starting at its `from`', () => {
    expect(bandRose(scenario, 59.99, 60)).toBe(true);
    expect(bandRose(scenario, 0, 19.99)).toBe(false);
    expect(bandRose(scenario, 99, 100)).toBe(false);
  });
});
