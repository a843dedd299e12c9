/**
 * Where a session's embedded scenario differs from the one an instructor handed out: both are
 * compared as parsed (defaults filled in, so JSON and YAML, key order and spacing do not count),
 * leaf by leaf, and the first differing paths are named with both values.
 */
import { formatPath } from '../scenario/problems.ts';
import { canonicalJson } from './checksum.ts';

export interface ScenarioDifference {
  path: (string | number)[];
  /** The value in the session's scenario; undefined where it has none. */
  inFile: unknown;
  /** The value in the reference scenario; undefined where it has none. */
  inReference: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether two scenario documents are the same scenario: equal as JSON whatever their objects'
 * key order (a scenario read back from a file or a link has its keys in the order it was written).
 */
export function sameScenario(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The differing leaves, in document order, at most `limit` of them (a list or object missing on one side is one leaf). */
export function scenarioDifferences(inFile: unknown, inReference: unknown, limit = 20): ScenarioDifference[] {
  const found: ScenarioDifference[] = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[]): void => {
    if (found.length >= limit || canonicalJson(a) === canonicalJson(b)) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...path, i]);
    } else if (isRecord(a) && isRecord(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      for (const key of keys) walk(Object.hasOwn(a, key) ? a[key] : undefined, Object.hasOwn(b, key) ? b[key] : undefined, [...path, key]);
    } else found.push({ path, inFile: a, inReference: b });
  };
  walk(inFile, inReference, []);
  return found;
}

/** A value as a few words: short text in quotes, numbers as they are, containers by their size. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isRecord(value)) return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

/** "scoring.riskCost: 20 in the file, 0 in ORIGINAL" */
export function formatDifference(difference: ScenarioDifference, reference: string): string {
  return `${formatPath(difference.path)}: ${describeValue(difference.inFile)} in the file, ${describeValue(difference.inReference)} in ${reference}`;
}
