/** Values and documents that tend to break loaders, shared by the fuzz tests. */
import fc from 'fast-check';
import type { Json } from './helpers.ts';

export const TRICKY_STRINGS = [
  '',
  ' ',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'us',
  'ru',
  'open-door',
  'x'.repeat(5000),
  '\u0000',
  '𝔘nicode',
  '#zzzzzz',
];
export const TRICKY_NUMBERS = [0, -1, 1, 0.5, 100, 101, -0.0001, 1e308, -1e308, 2 ** 53, 3.14159];

export const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Json>(...TRICKY_STRINGS, ...TRICKY_NUMBERS, null, true, false, [], {}) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
);
