import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { angleFor, BAND_COLOURS, GAUGE_END, GAUGE_START, trembleAmplitude } from '../src/game/widgets/gauge-geometry.ts';
import { fuzzRuns } from './fuzz-values.ts';

const onGauge = fc.double({ min: 0, max: 100, noNaN: true });
const anyRisk = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe('angleFor', () => {
  it('sweeps the upper half-dial from π at 0 to 2π at 100', () => {
    expect(GAUGE_START).toBe(Math.PI);
    expect(GAUGE_END).toBe(2 * Math.PI);
    expect(angleFor(0)).toBe(Math.PI);
    expect(angleFor(100)).toBe(2 * Math.PI);
    expect(angleFor(50)).toBeCloseTo(1.5 * Math.PI, 12);
    expect(angleFor(25)).toBeCloseTo(1.25 * Math.PI, 12);
    expect(angleFor(80)).toBeCloseTo(1.8 * Math.PI, 12);
  });

  it('clamps risks outside 0-100 to the ends of the dial', () => {
    expect(angleFor(-1)).toBe(Math.PI);
    expect(angleFor(-500)).toBe(Math.PI);
    expect(angleFor(-Infinity)).toBe(Math.PI);
    expect(angleFor(100.5)).toBe(2 * Math.PI);
    expect(angleFor(1e9)).toBe(2 * Math.PI);
    expect(angleFor(Infinity)).toBe(2 * Math.PI);
  });

  it('never leaves the dial, for any risk', () => {
    fc.assert(
      fc.property(anyRisk, (risk) => {
        const angle = angleFor(risk);
        expect(angle).toBeGreaterThanOrEqual(Math.PI);
        expect(angle).toBeLessThanOrEqual(2 * Math.PI);
      }),
      fuzzRuns(1000),
    );
  });

  it('never falls as the risk rises, and rises strictly on the gauge', () => {
    fc.assert(
      fc.property(anyRisk, anyRisk, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(angleFor(high)).toBeGreaterThanOrEqual(angleFor(low));
      }),
      fuzzRuns(1000),
    );
    fc.assert(
      fc.property(onGauge, onGauge, (a, b) => {
        fc.pre(Math.abs(a - b) > 1e-6);
        const [low, high] = a < b ? [a, b] : [b, a];
        expect(angleFor(high)).toBeGreaterThan(angleFor(low));
      }),
      fuzzRuns(1000),
    );
  });

  it('is linear on the gauge: equal steps of risk turn the needle equally', () => {
    fc.assert(
      fc.property(onGauge, (risk) => {
        expect(angleFor(risk)).toBeCloseTo(Math.PI + (risk / 100) * Math.PI, 10);
      }),
      fuzzRuns(500),
    );
  });
});

describe('trembleAmplitude', () => {
  it('is still below 40', () => {
    for (const risk of [0, 10, 20, 39, 39.999]) expect(trembleAmplitude(risk)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 40, maxExcluded: true, noNaN: true }), (risk) => {
        expect(trembleAmplitude(risk)).toBe(0);
      }),
      fuzzRuns(500),
    );
  });

  it('starts from nothing at 40 and reaches 1.2 points at the top', () => {
    expect(trembleAmplitude(40)).toBe(0);
    expect(trembleAmplitude(70)).toBeCloseTo(0.6, 12);
    expect(trembleAmplitude(100)).toBeCloseTo(1.2, 12);
  });

  it('grows with the risk above 40', () => {
    fc.assert(
      fc.property(fc.double({ min: 40, max: 100, noNaN: true }), fc.double({ min: 40, max: 100, noNaN: true }), (a, b) => {
        fc.pre(Math.abs(a - b) > 1e-6);
        const [low, high] = a < b ? [a, b] : [b, a];
        expect(trembleAmplitude(high)).toBeGreaterThan(trembleAmplitude(low));
      }),
      fuzzRuns(1000),
    );
  });

  it('stays within 0-1.2 points for every risk on the gauge', () => {
    fc.assert(
      fc.property(onGauge, (risk) => {
        const amplitude = trembleAmplitude(risk);
        expect(amplitude).toBeGreaterThanOrEqual(0);
        expect(amplitude).toBeLessThanOrEqual(1.2 + 1e-12);
      }),
      fuzzRuns(1000),
    );
  });

  it('keeps the trembling needle on the dial even at the top', () => {
    fc.assert(
      fc.property(onGauge, fc.double({ min: -1, max: 1, noNaN: true }), (risk, wobble) => {
        const angle = angleFor(risk + trembleAmplitude(risk) * wobble);
        expect(angle).toBeGreaterThanOrEqual(Math.PI);
        expect(angle).toBeLessThanOrEqual(2 * Math.PI);
      }),
      fuzzRuns(500),
    );
  });
});

describe('BAND_COLOURS', () => {
  it('has a distinct 24-bit colour for at least the five Geneva bands', () => {
    expect(BAND_COLOURS.length).toBeGreaterThanOrEqual(5);
    expect(new Set(BAND_COLOURS).size).toBe(BAND_COLOURS.length);
    for (const colour of BAND_COLOURS) {
      expect(Number.isInteger(colour)).toBe(true);
      expect(colour).toBeGreaterThanOrEqual(0);
      expect(colour).toBeLessThanOrEqual(0xffffff);
    }
  });
});
