/**
 * Scenario documents as authors write them: JSON or YAML. Both come back as a plain value or as
 * problems with a line and a column; the size of the text is checked before anything is parsed.
 */
import { isScalar, parseDocument, visit, type Document } from 'yaml';
import { lineAndColumn, MAX_DEPTH, nestingDepth, parseJsonText } from '../json-text.ts';
import type { Checked } from './problems.ts';

export type DocumentFormat = 'json' | 'yaml';

/** The largest scenario file accepted: ample for any class exercise, small enough to refuse junk at once. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/** The format a file name says, or — without a telling extension — what the text looks like. */
export function formatOf(name: string, text: string): DocumentFormat {
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  if (/\.json$/i.test(name)) return 'json';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** How deeply a parsed value nests, measured without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The deepest indentation of any line: block collections nest by indentation. */
function deepestIndent(text: string): number {
  let deepest = 0;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (indent > deepest && line.trim() !== '') deepest = indent;
  }
  return deepest;
}

/** A scenario nests a few levels; this much indentation is only ever an attack or an accident. */
const MAX_INDENT = 4 * MAX_DEPTH;

/** Where the first key that repeats one before it in the same mapping starts, or null: one pass, a set per mapping. */
function firstDuplicateKey(document: Document): number | null {
  let found: number | null = null;
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        const value = isScalar(key) ? key.value : key;
        if (seen.has(value)) {
          found = isScalar(key) ? (key.range?.[0] ?? 0) : 0;
          return visit.BREAK;
        }
        seen.add(value);
      }
      return undefined;
    },
  });
  return found;
}

export function parseYamlText(text: string): Checked<unknown> {
  // Measured before parsing, since the parser recurses and would otherwise answer according to
  // how much stack its caller happened to leave it.
  if (nestingDepth(text, '"\'') > MAX_DEPTH || deepestIndent(text) > MAX_INDENT) {
    return { ok: false, problems: [{ path: [], message: `nested more than ${MAX_DEPTH} levels deep` }] };
  }
  try {
    // Duplicate keys are errors (found below: the parser's own check compares every key with every
    // other, minutes for a file of 100,000 keys), and aliases are capped so that a "billion laughs"
    // file cannot expand.
    const yamlDocument = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    const error = yamlDocument.errors[0];
    const duplicate = error ? null : firstDuplicateKey(yamlDocument);
    if (duplicate !== null) {
      const { line, column } = lineAndColumn(text, duplicate);
      return { ok: false, problems: [{ path: [], message: `invalid YAML at line ${line}, column ${column}: Map keys must be unique` }] };
    }
    if (error) {
      const { line, column } = lineAndColumn(text, error.pos[0]);
      // The parser recurses into nested collections and gives up with a stack overflow of its own.
      const reason = /call stack/i.test(error.message) ? 'nested too deeply' : error.message.split('\n')[0];
      return { ok: false, problems: [{ path: [], message: `invalid YAML at line ${line}, column ${column}: ${reason}` }] };
    }
    const value = yamlDocument.toJS({ maxAliasCount: 100 }) as unknown;
    if (depthOf(value) > MAX_DEPTH) return { ok: false, problems: [{ path: [], message: `nested more than ${MAX_DEPTH} levels deep` }] };
    return { ok: true, value };
  } catch (error) {
    // The parser recurses; a hostile document can exhaust the stack. That is an answer, not a crash.
    const message = error instanceof Error ? error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') : String(error);
    return { ok: false, problems: [{ path: [], message: `invalid YAML: ${/call stack/i.test(message) ? `nested too deeply` : message}` }] };
  }
}

/** Parses a scenario document, refusing oversized text before reading it. */
export function parseDocumentText(text: string, format: DocumentFormat): Checked<unknown> {
  const bytes = byteLength(text);
  if (bytes > MAX_SCENARIO_BYTES) {
    return {
      ok: false,
      problems: [{ path: [], message: `the file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; scenarios may be at most 1 MiB` }],
    };
  }
  return format === 'yaml' ? parseYamlText(text) : parseJsonText(text);
}
