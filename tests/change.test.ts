import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFactors, factorTenths, roundTenth, toTenths } from '../src/engine/rules/change.ts';
import type { Factor } from '../src/engine/rules/state.ts';
import { fuzzRuns } from './fuzz-values.ts';

const factor = (id: string, value: number): Factor => ({ id, label: id, value });

describe('applyFactors', () => {
  it('adds the factors to the starting value', () => {
    const change = applyFactors(40, [factor('a', 2.5), factor('b', -1), factor('c', 0.3)]);
    expect(change).toEqual({ from: 40, to: 41.8, factors: [factor('a', 2.5), factor('b', -1), factor('c', 0.3)] });
    expect(factorTenths(change.factors)).toBe(toTenths(change.to) - toTenths(change.from));
  });

  it('rounds every factor to tenths, so that the shown factors add up exactly', () => {
    // 0.1 + 0.2 is not 0.3 in floating point; in tenths it is.
    const change = applyFactors(0, [factor('a', 0.1), factor('b', 0.2), factor('c', 1 / 3), factor('d', 2 / 3)]);
    expect(change.factors.map((item) => item.value)).toEqual([0.1, 0.2, 0.3, 0.7]);
    expect(change.to).toBe(1.3);
    expect(factorTenths(change.factors)).toBe(13);
  });

  it('drops factors that round to nothing', () => {
    const change = applyFactors(50, [factor('zero', 0), factor('tiny', 0.04), factor('real', 1)]);
    expect(change.factors.map((item) => item.id)).toEqual(['real']);
    expect(change.to).toBe(51);
  });

  it('adds a ceiling factor when the bounds cut a rise short', () => {
    const change = applyFactors(95, [factor('surge', 8), factor('talks', -1)]);
    expect(change.to).toBe(100);
    expect(change.factors.at(-1)).toEqual({ id: 'ceiling', label: 'Cannot rise above 100', value: -2 });
    expect(factorTenths(change.factors)).toBe(toTenths(100) - toTenths(95));
  });

  it('adds a floor factor when the bounds cut a fall short', () => {
    const change = applyFactors(3, [factor('relief', -10.5)]);
    expect(change.to).toBe(0);
    expect(change.factors.at(-1)).toEqual({ id: 'floor', label: 'Cannot fall below 0', value: 7.5 });
    expect(factorTenths(change.factors)).toBe(-30);
  });

  it('honours other bounds (forces run from 0 to 1000)', () => {
    const change = applyFactors(990, [factor('troops', 30)], 0, 1000);
    expect(change.to).toBe(1000);
    expect(change.factors.at(-1)).toEqual({ id: 'ceiling', label: 'Cannot rise above 1000', value: -20 });
  });

  it('no factors: no change and an empty list', () => {
    expect(applyFactors(42, [])).toEqual({ from: 42, to: 42, factors: [] });
  });

  it('does not change the factors it was given', () => {
    const raw = [factor('a', 1 / 3)];
    applyFactors(10, raw);
    expect(raw[0]!.value).toBe(1 / 3);
  });
});

describe('toTenths and factorTenths', () => {
  it('count in whole tenths', () => {
    expect(toTenths(4.25)).toBe(43);
    expect(toTenths(-0.3)).toBe(-3);
    expect(roundTenth(2.449)).toBe(2.4);
    expect(factorTenths([factor('a', 0.1), factor('b', 0.2), factor('c', -0.3)])).toBe(0);
  });
});

describe('applyFactors (property)', () => {
  const bounds = fc
    .tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 1, max: 2000 }))
    .map(([low, width]) => ({ low, high: low + width }));

  it('the factors always add up exactly to the change, the result stays in bounds, and a clamp is named', () => {
    fc.assert(
      fc.property(
        bounds.chain(({ low, high }) =>
          fc.record({
            low: fc.constant(low),
            high: fc.constant(high),
            from: fc.double({ min: low, max: high, noNaN: true }),
            values: fc.array(fc.double({ min: -300, max: 300, noNaN: true }), { maxLength: 12 }),
          }),
        ),
        ({ low, high, from, values }) => {
          const change = applyFactors(
            from,
            values.map((value, i) => factor(`f${i}`, value)),
            low,
            high,
          );
          // Exact, in tenths.
          expect(factorTenths(change.factors)).toBe(toTenths(change.to) - toTenths(change.from));
          expect(toTenths(change.from)).toBe(toTenths(from));
          // In bounds.
          expect(change.to).toBeGreaterThanOrEqual(low);
          expect(change.to).toBeLessThanOrEqual(high);
          // Every factor is a whole number of tenths, none of them zero.
          for (const item of change.factors) {
            expect(item.value).not.toBe(0);
            expect(Math.abs(item.value * 10 - toTenths(item.value))).toBeLessThan(1e-6);
          }
          // A clamp factor exactly when the unbounded sum leaves the bounds.
          const unbounded = toTenths(from) + values.reduce((total, value) => total + toTenths(roundTenth(value)), 0);
          const clamps = change.factors.filter((item) => item.id === 'ceiling' || item.id === 'floor');
          const outside = unbounded > toTenths(high) || unbounded < toTenths(low);
          expect(clamps.length).toBe(outside ? 1 : 0);
          if (unbounded > toTenths(high)) expect(clamps[0]!.id).toBe('ceiling');
          if (unbounded < toTenths(low)) expect(clamps[0]!.id).toBe('floor');
          if (!outside) expect(toTenths(change.to)).toBe(unbounded);
        },
      ),
      fuzzRuns(3000),
    );
  });

  it('holds for the risk scale with values already in tenths (as the rules produce them)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.integer({ min: -400, max: 400 }), { maxLength: 10 }),
        (fromTenths, valueTenths) => {
          const change = applyFactors(
            fromTenths / 10,
            valueTenths.map((value, i) => factor(`f${i}`, value / 10)),
          );
          expect(factorTenths(change.factors)).toBe(toTenths(change.to) - fromTenths);
          expect(change.to).toBeGreaterThanOrEqual(0);
          expect(change.to).toBeLessThanOrEqual(100);
        },
      ),
      fuzzRuns(3000),
    );
  });
});
