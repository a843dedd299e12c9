/**
 * What is left of a document that fails its schema, so that one run can report everything: the
 * parts that failed are taken out (unknown keys, invalid fields) until the rest parses. A field
 * that may not be left out takes the value of the same field in a sibling item of the list above
 * it (the other side's colour, say) or a plain value of its type, or else the item or entry that
 * holds it goes too. The caller
 * checks references and warnings on the rest and drops those that only follow from something
 * already reported.
 */
import type { z } from 'zod';
import type { Problem } from './problems.ts';
import { validate } from './schema-helpers.ts';

type Path = Problem['path'];

/** Rounds of taking out and parsing again: a field climbs one level a round, and documents are shallow. */
const MAX_ROUNDS = 12;

export interface Salvaged<T> {
  value: T;
  /** Whether only unknown keys were taken out: the rest then means exactly what the author wrote. */
  onlyUnknownKeys: boolean;
  /** A problem found on the rest, with its path in the document as written, or null when it follows from what was taken out. */
  original(problem: Problem): Problem | null;
}

const keyOf = (path: Path) => JSON.stringify(path);
const within = (path: Path, outer: Path) => outer.length <= path.length && outer.every((key, i) => key === path[i]);

/** A copy of the document without the removed paths and with the stand-ins; for each list that lost items, the indices kept. */
function prune(
  document: unknown,
  removed: ReadonlySet<string>,
  standIns: ReadonlyMap<string, unknown>,
): { rest: unknown; kept: Map<string, number[]> } {
  const kept = new Map<string, number[]>();
  // Only the parts above a change are copied; the rest is shared (parsing does not change its input).
  const above = new Set<string>();
  for (const key of [...removed, ...standIns.keys()]) {
    const path = JSON.parse(key) as Path;
    for (let i = 0; i < path.length; i++) above.add(keyOf(path.slice(0, i)));
  }
  const copy = (value: unknown, path: Path): unknown => {
    if (standIns.has(keyOf(path))) return standIns.get(keyOf(path));
    if (!above.has(keyOf(path))) return value;
    if (Array.isArray(value)) {
      const indices = value.map((_, i) => i).filter((i) => !removed.has(keyOf([...path, i])));
      if (indices.length !== value.length) kept.set(keyOf(path), indices);
      return indices.map((i) => copy(value[i], [...path, i]));
    }
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (!removed.has(keyOf([...path, key]))) out[key] = copy(item, [...path, key]);
    }
    return out;
  };
  return { rest: copy(document, []), kept };
}

/** The path in the document as written of a path in the pruned copy. */
function originalPath(path: readonly PropertyKey[], kept: ReadonlyMap<string, number[]>): Path {
  const out: (string | number)[] = [];
  for (const key of path) {
    const indices = typeof key === 'number' ? kept.get(keyOf(out)) : undefined;
    out.push(typeof key === 'number' ? (indices?.[key] ?? key) : String(key));
  }
  return out;
}

/** Keys whose text, in a value taken out, names something other problems may quote. */
const NAMING_KEYS = new Set(['id', 'source', 'sources']);

/**
 * Every id defined inside a value taken out, and every source it cites: a reference to a thing no
 * longer there, or a source no longer cited, is a follow-on problem.
 */
function idsWithin(value: unknown, into: Set<string>, naming = false): void {
  if (naming && typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((item) => idsWithin(item, into, naming));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) idsWithin(item, into, NAMING_KEYS.has(key));
  }
}

function valueAt(document: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined),
    document,
  );
}

/** The same field in another item of the nearest list above the path, or undefined when there is none. */
function siblingValue(document: unknown, path: Path): unknown {
  for (let i = path.length - 1; i >= 0; i--) {
    const index = path[i];
    const list = valueAt(document, path.slice(0, i));
    if (typeof index !== 'number' || !Array.isArray(list)) continue;
    for (let j = 0; j < list.length; j++) {
      const value = j === index ? undefined : valueAt(document, [...path.slice(0, i), j, ...path.slice(i + 1)]);
      if (value !== undefined) return value;
    }
    return undefined;
  }
  return undefined;
}

/**
 * A value of the kind a missing field expects, when no sibling has one: it passes what it can
 * (a short id-like text, 0, the first of a list of values), and if it does not, the holder goes.
 */
function placeholder(issue: z.core.$ZodIssue): unknown {
  if (issue.code === 'invalid_value') return issue.values[0];
  if (issue.code !== 'invalid_type') return undefined;
  const blank: Record<string, unknown> = { string: 'x', number: 0, int: 0, boolean: false, array: [], object: {}, record: {} };
  return blank[issue.expected];
}

/** The rest of a document that failed `schema`, or null when nothing usable is left (the top level itself is wrong). */
export function salvage<T extends z.ZodType>(schema: T, document: unknown): Salvaged<z.output<T>> | null {
  const removed = new Map<string, Path>();
  const standIns = new Map<string, unknown>();
  const replaced = new Map<string, Path>();
  const unknownKeys = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { rest, kept } = prune(document, new Set(removed.keys()), standIns);
    const parsed = validate(schema, rest);
    if (parsed.success) return salvaged(parsed.data, document, [...removed.values(), ...replaced.values()], unknownKeys, kept);
    let progress = false;
    for (const issue of parsed.error.issues) {
      const at = originalPath(issue.path, kept);
      const targets = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...at, key]) : [at];
      for (let target of targets) {
        const key = keyOf(target);
        // A field taken out and then reported missing may not be left out: a sibling's value stands in once, else its holder goes.
        if (removed.has(key)) {
          const standIn = siblingValue(document, target) ?? placeholder(issue);
          if (standIn !== undefined) {
            removed.delete(key);
            standIns.set(key, standIn);
            replaced.set(key, target);
            progress = true;
            continue;
          }
        }
        if (removed.has(key) || standIns.has(key)) target = target.slice(0, -1);
        if (target.length === 0) return null;
        if (removed.has(keyOf(target))) continue;
        removed.set(keyOf(target), target);
        if (issue.code === 'unrecognized_keys') unknownKeys.add(keyOf(target));
        progress = true;
      }
    }
    if (!progress) return null;
  }
  return null;
}

function salvaged<T>(
  value: T,
  document: unknown,
  /** Every path taken out or stood in for, in the document as written. */
  changed: Path[],
  unknownKeys: ReadonlySet<string>,
  kept: ReadonlyMap<string, number[]>,
): Salvaged<T> {
  // Unknown keys meant nothing: taking them out changes nothing a later check could trip on.
  const meaningful = changed.filter((path) => !unknownKeys.has(keyOf(path)));
  const ids = new Set<string>();
  for (const path of meaningful) idsWithin(valueAt(document, path), ids);
  return {
    value,
    onlyUnknownKeys: meaningful.length === 0,
    original(problem) {
      const path = originalPath(problem.path, kept);
      if (meaningful.some((gone) => within(path, gone) || within(gone, path))) return null;
      if ([...ids].some((id) => problem.message.includes(`"${id}"`))) return null;
      return { ...problem, path };
    },
  };
}
