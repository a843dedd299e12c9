import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dice, draw, seedState } from '../src/engine/random.ts';
import { fuzzRuns } from './fuzz-values.ts';

describe('draw', () => {
  it('is Mulberry32: known values for known states (saved sessions depend on this sequence)', () => {
    expect(draw(0)).toEqual({ value: 0.26642920868471265, next: 0x6d2b79f5 });
    expect(draw(1)).toEqual({ value: 0.6270739405881613, next: 0x6d2b79f6 });
  });

  it('is a pure function of the state', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (state) => {
        const a = draw(state);
        const b = draw(state);
        expect(a).toEqual(b);
        expect(a.value).toBeGreaterThanOrEqual(0);
        expect(a.value).toBeLessThan(1);
        expect(Number.isInteger(a.next) && a.next >= 0 && a.next < 2 ** 32).toBe(true);
        expect(a.next).not.toBe(state);
      }),
      fuzzRuns(2000),
    );
  });

  it('spreads its values evenly over [0, 1)', () => {
    const buckets = new Array<number>(10).fill(0);
    let state = seedState('spread');
    let sum = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const { value, next } = draw(state);
      state = next;
      sum += value;
      buckets[Math.floor(value * 10)]!++;
    }
    expect(sum / n).toBeGreaterThan(0.49);
    expect(sum / n).toBeLessThan(0.51);
    for (const count of buckets) {
      expect(count).toBeGreaterThan(n / 10 - 400);
      expect(count).toBeLessThan(n / 10 + 400);
    }
  });

  it('does not repeat within a long run', () => {
    const seen = new Set<number>();
    let state = seedState(123);
    for (let i = 0; i < 20_000; i++) {
      const { value, next } = draw(state);
      seen.add(value);
      state = next;
    }
    expect(seen.size).toBe(20_000);
  });
});

describe('seedState', () => {
  it('turns a number and its text into the same state', () => {
    expect(seedState(42)).toBe(seedState('42'));
    expect(seedState(42)).toBe(2279835011);
    expect(seedState('')).toBe(2166136261);
  });

  it('gives a 32-bit unsigned state, different for different seeds', () => {
    const states = new Set<number>();
    for (let seed = 0; seed < 5000; seed++) {
      const state = seedState(seed);
      expect(Number.isInteger(state) && state >= 0 && state < 2 ** 32).toBe(true);
      states.add(state);
    }
    expect(states.size).toBe(5000);
    expect(seedState('a')).not.toBe(seedState('b'));
    expect(seedState('ab')).not.toBe(seedState('ba'));
  });
});

describe('Dice', () => {
  it('rolls the same sequence as chained draws, and keeps its state', () => {
    const start = seedState('dice');
    const dice = new Dice(start);
    let state = start;
    for (let i = 0; i < 100; i++) {
      const { value, next } = draw(state);
      expect(dice.roll()).toBe(value);
      expect(dice.state).toBe(next);
      state = next;
    }
  });

  it('two dice from the same state agree; from different states they differ', () => {
    const a = new Dice(99);
    const b = new Dice(99);
    const c = new Dice(100);
    const rollsA = Array.from({ length: 20 }, () => a.roll());
    const rollsB = Array.from({ length: 20 }, () => b.roll());
    const rollsC = Array.from({ length: 20 }, () => c.roll());
    expect(rollsA).toEqual(rollsB);
    expect(rollsA).not.toEqual(rollsC);
  });

  it('pick takes the item at floor(roll x length) and advances the state by one roll', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(fc.string(), { minLength: 1, maxLength: 12 }), (state, items) => {
        const dice = new Dice(state);
        const { value, next } = draw(state);
        expect(dice.pick(items)).toBe(items[Math.floor(value * items.length)]);
        expect(dice.state).toBe(next);
      }),
      fuzzRuns(1000),
    );
  });

  it('pick reaches every item of a list, about equally often', () => {
    const dice = new Dice(seedState('pick'));
    const items = ['a', 'b', 'c', 'd', 'e'] as const;
    const counts: Record<string, number> = {};
    for (let i = 0; i < 10_000; i++) {
      const item = dice.pick(items);
      counts[item] = (counts[item] ?? 0) + 1;
    }
    expect(Object.keys(counts).sort()).toEqual([...items]);
    for (const item of items) {
      expect(counts[item]).toBeGreaterThan(1800);
      expect(counts[item]).toBeLessThan(2200);
    }
  });

  it('pick from a one-item list returns it; from an empty list throws', () => {
    const dice = new Dice(5);
    expect(dice.pick(['only'])).toBe('only');
    const before = dice.state;
    expect(() => dice.pick([])).toThrow('pick from an empty list');
    expect(dice.state).toBe(before);
  });
});
