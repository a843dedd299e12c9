/**
 * Applies a list of named factors to a bounded meter so that the factors add up exactly to the
 * change: values are kept in tenths, and when the bounds cut a change short a named factor
 * records the cut.
 */
import type { Change, Factor } from './state.ts';

export const toTenths = (value: number): number => Math.round(value * 10);
export const roundTenth = (value: number): number => toTenths(value) / 10;

export function applyFactors(from: number, raw: Factor[], low = 0, high = 100): Change {
  const factors = raw.map((factor) => ({ ...factor, value: roundTenth(factor.value) })).filter((factor) => factor.value !== 0);
  const start = toTenths(from);
  const sum = factors.reduce((total, factor) => total + toTenths(factor.value), 0);
  const bounded = Math.min(toTenths(high), Math.max(toTenths(low), start + sum));
  const cut = bounded - (start + sum);
  if (cut !== 0) {
    factors.push({
      id: cut < 0 ? 'ceiling' : 'floor',
      label: cut < 0 ? `Cannot rise above ${high}` : `Cannot fall below ${low}`,
      value: cut / 10,
    });
  }
  return { from: start / 10, to: bounded / 10, factors };
}

/** The exact sum of a change's factors, in tenths. */
export function factorTenths(factors: readonly Factor[]): number {
  return factors.reduce((total, factor) => total + toTenths(factor.value), 0);
}
