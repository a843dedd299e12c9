/**
 * What the fuzz and property tests share: the seed of the run, and values and documents that
 * tend to break loaders.
 */
import { relative } from 'node:path';
import fc from 'fast-check';
import { beforeEach, expect } from 'vitest';
import { seedState } from '../src/engine/random.ts';
import type { Json, JsonPath } from './helpers.ts';

// ---------------------------------------------------------------------------------------------
// The seed

/**
 * The seed of this run's fuzz and property tests: a fresh one every run, so every run tries other
 * inputs, or FUZZ_SEED from the environment to replay a run exactly. Every failure names it.
 */
export const FUZZ_SEED = readFuzzSeed(process.env.FUZZ_SEED);

function readFuzzSeed(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return Math.floor(Math.random() * 2 ** 32) | 0;
  const seed = Number(text.trim());
  if (!Number.isInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 32) {
    throw new Error(`FUZZ_SEED must be a whole number from -2147483648 to 4294967295, not "${text}"`);
  }
  // fast-check's seeds are 32-bit signed integers, and that is how it prints them.
  return seed | 0;
}

/** How to run the failing test file again with this run's inputs, for assertion messages. */
export function rerun(): string {
  const file = expect.getState().testPath;
  const command = file ? `FUZZ_SEED=${FUZZ_SEED} npx vitest run ${relative(process.cwd(), file)}` : `FUZZ_SEED=${FUZZ_SEED}`;
  return `the run's seed was FUZZ_SEED=${FUZZ_SEED}; to reproduce: ${command}`;
}

/**
 * Prints the run's seed under every test of the file that fails, whatever failed in it (call it
 * once, at the top of a test file whose inputs come from the run's seed).
 */
export function nameSeedOnFailure(): void {
  beforeEach(({ onTestFailed }) => onTestFailed(() => console.error(rerun())));
}

/** A game seed drawn from the run's seed, for a game a fuzz test plays by hand. */
export function gameSeed(label: string): string {
  return `${FUZZ_SEED}:${label}`;
}

/**
 * fast-check's parameters for a fuzz or property test: `numRuns` runs, from a seed drawn from the
 * run's seed and the test's name (so no two properties see the same inputs). A failure's message
 * is fast-check's own (its seed and the path to the counterexample), followed by the run's seed.
 */
export function fuzzRuns<T>(numRuns: number): fc.Parameters<T> {
  return {
    numRuns,
    seed: seedState(`${FUZZ_SEED}:${expect.getState().currentTestName ?? ''}`) | 0,
    reporter: (details) => {
      if (details.failed) throw new Error(`${fc.defaultReportMessage(details)}\n\n${rerun()}`, { cause: details.errorInstance });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Values

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

/**
 * The value at a path when every step of it is the document's own, or undefined: a mutation may
 * turn an object into an array, and then a key such as `at` would find Array.prototype.at.
 */
export function ownValue(doc: Json, path: JsonPath): Json | undefined {
  let node: Json | undefined = doc;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, Json>)[key];
  }
  return node;
}

export const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Json>(...TRICKY_STRINGS, ...TRICKY_NUMBERS, null, true, false, [], {}) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
);
