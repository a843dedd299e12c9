/**
 * Scenario documents as authors write them: JSON or YAML. Both come back as a plain value or as
 * problems with a line and a column; the size of the text is checked before anything is parsed.
 */
import { isScalar, parseDocument, Scalar, visit, type Document } from 'yaml';
import { binaryProblem, decodeText, lineAndColumn, MAX_DEPTH, nestingDepth, parseJsonText } from '../json-text.ts';
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

const refused = (message: string): Checked<never> => ({ ok: false, problems: [{ path: [], message }] });

/** The one answer to a scenario file over the limit, wherever it comes from. */
export function tooLarge(bytes: number): Checked<never> {
  return refused(`the file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; scenarios may be at most 1 MiB`);
}

/** A scenario file's bytes as text: its size measured on the bytes, before they are decoded (UTF-8 only). */
export function decodeScenarioBytes(bytes: Uint8Array): Checked<string> {
  return bytes.length > MAX_SCENARIO_BYTES ? tooLarge(bytes.length) : decodeText(bytes);
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

/**
 * What the YAML parser does work for, counted without parsing: lines, and the entries of flow
 * collections ([, { and commas inside them, outside quotes). The parser and the checks after it
 * take 10–20 µs an entry, so a file of a million empty lines or 137,000 keys took seconds to
 * minutes. A scenario as large as Geneva (76 KB) has about 2,200: the bound is nine times that.
 */
export const MAX_YAML_ENTRIES = 20_000;

function yamlEntries(text: string): number {
  let entries = 1;
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') entries++;
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') {
      depth++;
      entries++;
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth > 0) entries++;
  }
  return entries;
}

/**
 * The first mistake in the mappings that the parser lets through, with where it starts: a key
 * that repeats one before it in the same mapping (found in one pass, a set per mapping: the
 * parser's own check compares every key with every other, minutes for 100,000 keys), and a
 * plain key with no value in a flow mapping — `{ label: MRBM sites, San Cristóbal, kind: … }`
 * reads as a cut label and a key "San Cristóbal", which is never what was meant.
 */
function mappingMistake(document: Document): { at: number; message: string } | null {
  let found: { at: number; message: string } | null = null;
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key, value } of map.items) {
        const name = isScalar(key) ? key.value : key;
        const at = isScalar(key) ? (key.range?.[0] ?? 0) : 0;
        if (seen.has(name)) {
          found = { at, message: 'Map keys must be unique' };
          return visit.BREAK;
        }
        seen.add(name);
        if (map.flow && value === null && isScalar(key) && key.type === Scalar.PLAIN) {
          found = {
            at,
            message: `"${String(name)}" is a key with no value in a flow mapping { … }: probably a comma inside a value; put the value in quotes`,
          };
          return visit.BREAK;
        }
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
  const entries = yamlEntries(text);
  if (entries > MAX_YAML_ENTRIES) {
    return refused(
      `the file has ${entries.toLocaleString('en')} lines and flow entries ([ ], { }); scenarios may have at most ${MAX_YAML_ENTRIES.toLocaleString('en')}`,
    );
  }
  try {
    // Duplicate keys are errors (found below: the parser's own check compares every key with every
    // other, minutes for a file of 100,000 keys), and aliases are capped so that a "billion laughs"
    // file cannot expand.
    // Only the core schema's tags: others (!!js/function, !!binary, !foo) would be read as plain
    // text or worse without a word, so an unresolved tag is a problem.
    const yamlDocument = parseDocument(text, { uniqueKeys: false, prettyErrors: false, resolveKnownTags: false });
    const error = yamlDocument.errors[0] ?? yamlDocument.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
    const mistake = error ? null : mappingMistake(yamlDocument);
    if (mistake !== null) {
      const { line, column } = lineAndColumn(text, mistake.at);
      return { ok: false, problems: [{ path: [], message: `invalid YAML at line ${line}, column ${column}: ${mistake.message}` }] };
    }
    if (yamlDocument.contents === null) {
      return { ok: false, problems: [{ path: [], message: 'invalid YAML at line 1, column 1: the document is empty' }] };
    }
    if (error?.code === 'TAG_RESOLVE_FAILED') {
      const { line, column } = lineAndColumn(text, error.pos[0]);
      const tag = error.message.replace(/^Unresolved tag: /, '').replace(/^tag:yaml\.org,2002:/, '!!');
      return {
        ok: false,
        problems: [
          { path: [], message: `invalid YAML at line ${line}, column ${column}: unknown tag ${tag} (scenarios use plain values only)` },
        ],
      };
    }
    if (error) {
      const { line, column } = lineAndColumn(text, error.pos[0]);
      // The parser recurses into nested collections and gives up with a stack overflow of its own.
      const reason = /call stack/i.test(error.message)
        ? 'nested too deeply'
        : error.code === 'MULTIPLE_DOCS'
          ? 'a second document (after "---"): a scenario file holds one'
          : error.message.split('\n')[0];
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

/** Parses a scenario document, refusing oversized text and binary files before reading them. */
export function parseDocumentText(text: string, format: DocumentFormat): Checked<unknown> {
  const bytes = byteLength(text);
  if (bytes > MAX_SCENARIO_BYTES) return tooLarge(bytes);
  const binary = binaryProblem(text);
  if (binary) return binary;
  return format === 'yaml' ? parseYamlText(text) : parseJsonText(text);
}
