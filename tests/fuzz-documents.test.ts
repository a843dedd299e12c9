/**
 * Scenario documents from outside, fuzzed in YAML and JSON: random values and texts, Geneva
 * mutated as a document (deleted, replaced and retyped fields, prototype keys, huge strings, deep
 * nesting) and as text (lines deleted, duplicated or re-indented, YAML scalars and tags, truncation,
 * alias bombs). They go through `loadScenarioDocument` — the browser loader — and through
 * `red-lines scenario check`. Never an exception; always a scenario or a non-empty list of
 * problems in words; the prototypes stay clean, and a game in progress is never touched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { isScalar, LineCounter, parseDocument, stringify, visit } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { GameRun } from '../src/engine/machine/game-run.ts';
import { Dice, seedState } from '../src/engine/random.ts';
import { formatOf, parseDocumentText } from '../src/engine/scenario/formats.ts';
import { loadScenarioDocument, type LoadedScenario } from '../src/engine/scenario/load.ts';
import { countProblems, formatProblem, type Checked } from '../src/engine/scenario/problems.ts';
import { allPaths, captureIo, deletePath, geneva, genevaDoc, hotseat, policyEvent, setPath, type Json, type JsonPath } from './helpers.ts';
import { fuzzRuns, gameSeed, jsonValue, nameSeedOnFailure, ownValue, rerun } from './fuzz-values.ts';

nameSeedOnFailure();

// ---------------------------------------------------------------------------------------------
// A game in progress, started before any document is loaded: the loader must never touch it.

const GAME = new GameRun(geneva);
GAME.send({ type: 'START', setup: hotseat(gameSeed('game')) });
{
  const dice = new Dice(seedState(gameSeed('game-bots')));
  for (let step = 0; step < 6; step++) {
    const event = policyEvent(GAME, { us: 'greedy', ru: 'hawk' }, dice);
    if (!event || !GAME.send(event)) break;
  }
}
const GAME_SNAPSHOT = GAME.snapshot;
const GAME_STATE = JSON.stringify({ value: GAME_SNAPSHOT.value, status: GAME_SNAPSHOT.status, game: GAME_SNAPSHOT.context.game });
const GENEVA_STATE = JSON.stringify(geneva);

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const PROTOTYPE_KEYS = PROTOTYPES.map((prototype) => Reflect.ownKeys(prototype).map(String).sort().join(','));

const dir = mkdtempSync(join(tmpdir(), 'red-lines-fuzz-documents-'));
afterAll(() => {
  GAME.stop();
  rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Checks

let loads = 0;
let accepted = 0;

/** A failed load must carry problems, each with a path of keys and a message in words. */
function expectWellFormed(result: Checked<unknown>): void {
  loads++;
  if (result.ok) {
    accepted++;
    return;
  }
  const defects: string[] = [];
  if (!Array.isArray(result.problems) || result.problems.length === 0) defects.push('no problems');
  for (const problem of result.problems) {
    if (typeof problem.message !== 'string' || problem.message.trim().length === 0) defects.push(`message ${String(problem.message)}`);
    if (!Array.isArray(problem.path)) defects.push(`path ${String(problem.path)}`);
    else if (problem.path.some((key) => typeof key !== 'string' && typeof key !== 'number')) defects.push(`path ${String(problem.path)}`);
    if (typeof formatProblem(problem) !== 'string') defects.push('unformattable');
    if (/\n\s+at /.test(problem.message)) defects.push(`a stack trace in ${problem.message.slice(0, 80)}`);
  }
  // One assertion per check keeps thousands of runs fast.
  if (defects.length > 0) expect(defects).toEqual([]);
}

function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  if ('polluted' in probe || 'polluted' in [] || probe.id !== undefined || probe.name !== undefined)
    expect.fail('a prototype was polluted');
}

/** Loads a text under a file name; never throws, and the result is well formed. */
function load(text: string, name: string): Checked<unknown> {
  let result: Checked<unknown> | undefined;
  try {
    result = loadScenarioDocument(text, name);
  } catch (error) {
    expect.fail(`loadScenarioDocument threw on ${name} (${text.length} characters): ${String(error)}`);
  }
  expectWellFormed(result!);
  expectNoPollution();
  return result!;
}

const YAML_NAMES = ['scenario.yaml', 'scenario.yml', 'SCENARIO.YAML'];
const JSON_NAMES = ['scenario.json', 'Scenario.JSON'];
const ANY_NAMES = [...YAML_NAMES, ...JSON_NAMES, 'scenario', 'scenario.txt'];

// ---------------------------------------------------------------------------------------------
// Document mutations

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'retype'; at: number }
  | { kind: 'add-key'; at: number; key: string; value: Json }
  | { kind: 'duplicate'; at: number }
  | { kind: 'huge'; at: number; length: number }
  | { kind: 'deep'; at: number; depth: number; arrays: boolean };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: jsonValue }),
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('add-key' as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'us', 'ru', 'id', 'toString'),
      fc.string({ maxLength: 8 }),
    ),
    value: fc.oneof(fc.constant<Json>({ polluted: true, id: 'evil', name: 'Evil' }), jsonValue),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('huge' as const), at: fc.nat(), length: fc.integer({ min: 100_000, max: 300_000 }) }),
  fc.record({ kind: fc.constant('deep' as const), at: fc.nat(), depth: fc.integer({ min: 2, max: 120 }), arrays: fc.boolean() }),
);

function retype(value: Json | undefined): Json {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.length;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, i) => [String(i), item]));
  return Object.values(value);
}

function nested(depth: number, arrays: boolean): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { k: value };
  return value;
}

function defineKey(target: Json, key: string, value: Json): void {
  if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  }
}

/** Applies a mutation at one of the document's paths (chosen among `paths`, computed before) that it still has. */
function mutate(doc: Json, paths: readonly JsonPath[], change: Mutation): void {
  const path = paths[change.at % paths.length]!;
  const parent = ownValue(doc, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object' || parent === undefined) return;
  if (ownValue(doc, path) === undefined && change.kind !== 'add-key') return;
  switch (change.kind) {
    case 'delete':
      return deletePath(doc, path);
    case 'replace':
      return setPath(doc, path, change.value);
    case 'retype':
      return setPath(doc, path, retype(ownValue(doc, path)));
    case 'add-key': {
      const target = ownValue(doc, path);
      return defineKey(
        target !== null && typeof target === 'object' && !Array.isArray(target) ? target! : parent,
        change.key,
        change.value,
      );
    }
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(structuredClone(ownValue(doc, path)!));
      return;
    case 'huge':
      return setPath(doc, path, 'x'.repeat(change.length));
    case 'deep':
      return setPath(doc, path, nested(change.depth, change.arrays));
  }
}

const GENEVA_PATHS = allPaths(genevaDoc());
const TITLE_PATH = GENEVA_PATHS.findIndex((path) => path.join('.') === 'meta.title');

function mutatedGeneva(changes: readonly Mutation[]): Json {
  const doc = genevaDoc();
  for (const change of changes) mutate(doc, GENEVA_PATHS, change);
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Text mutations of the Geneva YAML

const GENEVA_YAML = stringify(genevaDoc());
const GENEVA_YAML_LINES = GENEVA_YAML.split('\n');

/**
 * The lines of the Geneva YAML that hold a key of a mapping with its value on the line, not in
 * quotes or a block: the lines that a copy written just before them turns into a duplicate key.
 * (A line of quoted text that runs on may look like a key, and is not one.)
 */
const DUPLICABLE_KEY_LINES = (() => {
  const lineCounter = new LineCounter();
  const keyLines = new Set<number>();
  visit(parseDocument(GENEVA_YAML, { lineCounter }), {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range) keyLines.add(lineCounter.linePos(pair.key.range[0]).line - 1);
    },
  });
  return GENEVA_YAML_LINES.flatMap((line, at) => (keyLines.has(at) && /^ *[A-Za-z$]+: [^'"|>]/.test(line) ? [at] : []));
})();

const YAML_SCALARS = [
  '~',
  'null',
  'yes',
  'no',
  '.nan',
  '.inf',
  '-.inf',
  '0x1F',
  '0o17',
  '1_000',
  '1e400',
  '2001-12-14',
  '!!binary aGVsbG8=',
  '!!str 5',
  '!!int "5"',
  '!!float abc',
  '!!set {a, b}',
  '!!omap [a: 1]',
  '!custom x',
  '*undefined-alias',
  '&anchor value',
  '"unclosed',
  "'unclosed",
  '|',
  '>-',
  '[a, b',
  '{a: 1',
  '{__proto__: {polluted: true}}',
  '? complex',
  '@reserved',
  '`reserved',
  '%',
  '- item',
  'a: b: c',
  '"\\u0000"',
  '"\\uD800"',
  '!!js/function "function () {}"',
];

const BILLION_LAUGHS = [
  'lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...Array.from({ length: 9 }, (_, i) => `lol${i + 1}: &l${i + 1} [${Array.from({ length: 9 }, () => `*l${i}`).join(', ')}]`),
].join('\n');

type TextMutation =
  | { kind: 'delete-line' | 'duplicate-line' | 'tab'; at: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'scalar'; at: number; value: string }
  | { kind: 'proto'; at: number; key: string }
  | { kind: 'huge'; at: number; length: number }
  | { kind: 'deep'; at: number; depth: number; closed: boolean }
  | { kind: 'truncate'; at: number }
  | { kind: 'bomb' }
  | { kind: 'crlf' };

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const, 'tab' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('scalar' as const), at: fc.nat(), value: fc.constantFrom(...YAML_SCALARS) }),
  fc.record({ kind: fc.constant('proto' as const), at: fc.nat(), key: fc.constantFrom('__proto__', 'constructor', 'prototype') }),
  fc.record({ kind: fc.constant('huge' as const), at: fc.nat(), length: fc.integer({ min: 100_000, max: 250_000 }) }),
  fc.record({ kind: fc.constant('deep' as const), at: fc.nat(), depth: fc.integer({ min: 30, max: 3000 }), closed: fc.boolean() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.constant({ kind: 'bomb' as const }),
  fc.constant({ kind: 'crlf' as const }),
);

const indentOf = (line: string) => /^( *)(- )?/.exec(line)![0].replace('- ', '  ').length;

function mutateText(lines: string[], change: TextMutation): string[] {
  if (change.kind === 'bomb') return [...lines, BILLION_LAUGHS];
  if (change.kind === 'crlf') return lines.map((line) => `${line}\r`);
  if (lines.length === 0) return lines;
  const at = change.at % lines.length;
  const line = lines[at]!;
  const copy = [...lines];
  /** The line with its value (after the first ": ") replaced, or the value appended. */
  const withValue = (value: string) => {
    const colon = line.indexOf(': ');
    return colon >= 0 ? `${line.slice(0, colon + 2)}${value}` : `${line} ${value}`;
  };
  switch (change.kind) {
    case 'delete-line':
      copy.splice(at, 1);
      return copy;
    case 'duplicate-line':
      copy.splice(at, 0, line);
      return copy;
    case 'tab':
      copy[at] = line.replace(/^ +/, '\t');
      return copy;
    case 'indent':
      copy[at] = change.by >= 0 ? ' '.repeat(change.by) + line : line.slice(Math.min(-change.by, indentOf(line)));
      return copy;
    case 'scalar':
      copy[at] = withValue(change.value);
      return copy;
    case 'proto':
      copy.splice(at, 0, `${' '.repeat(indentOf(line))}${change.key}: {polluted: true, id: evil}`);
      return copy;
    case 'huge':
      copy[at] = withValue('x'.repeat(change.length));
      return copy;
    case 'deep':
      copy[at] = withValue('['.repeat(change.depth) + (change.closed ? ']'.repeat(change.depth) : ''));
      return copy;
    case 'truncate': {
      const text = lines.join('\n');
      return text.slice(0, change.at % text.length).split('\n');
    }
  }
}

/** YAML-flavoured noise: the parser's punctuation, indentation and keywords in any order. */
const YAML_TOKENS = [
  '-',
  ' ',
  '  ',
  '\n',
  '\t',
  ':',
  ': ',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '!!str ',
  '!!binary ',
  '!tag ',
  '|',
  '>',
  '#',
  '"',
  "'",
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '<<: ',
  '__proto__',
  'constructor',
  'prototype',
  'meta',
  'sides',
  'tracks',
  'id',
  'x',
  '1',
  '\uFEFF',
  '\\',
];
const yamlNoise = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 60 }).map((tokens) => tokens.join(''));

// ---------------------------------------------------------------------------------------------

describe('fuzzing scenario documents through the browser loader', () => {
  it('2,000 random values as YAML and as JSON, under every kind of name: refused in words', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(...ANY_NAMES), fc.boolean(), (value, name, asYaml) => {
        const text = asYaml ? stringify(value) : (JSON.stringify(value) ?? 'null');
        const result = load(text, name);
        expect(result.ok).toBe(false);
      }),
      fuzzRuns(2000),
    );
  });

  it('2,000 YAML-flavoured texts and random strings: never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(yamlNoise, fc.string({ maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 120 })),
        fc.constantFrom(...ANY_NAMES),
        (text, name) => {
          expect(load(text, name).ok).toBe(false);
        },
      ),
      fuzzRuns(2000),
    );
  });

  it('700 mutated Geneva documents as JSON: deleted, replaced, retyped, prototype keys, huge strings, deep nesting', () => {
    let ok = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom(...JSON_NAMES, 'scenario'), (changes, name) => {
        if (load(JSON.stringify(mutatedGeneva(changes)), name).ok) ok++;
      }),
      fuzzRuns(700),
    );
    // Some mutations are harmless (a changed label), most are not: both kinds were exercised.
    expect(ok, `documents accepted; ${rerun()}`).toBeGreaterThan(0);
    expect(ok, `documents accepted; ${rerun()}`).toBeLessThan(700);
  });

  it('200 mutated Geneva documents as YAML', () => {
    let ok = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(...YAML_NAMES), (changes, name) => {
        if (load(stringify(mutatedGeneva(changes)), name).ok) ok++;
      }),
      fuzzRuns(200),
    );
    expect(ok, `documents accepted; ${rerun()}`).toBeGreaterThan(0);
    expect(ok, `documents accepted; ${rerun()}`).toBeLessThan(200);
  });

  it('250 Geneva YAML texts with lines deleted, duplicated, re-indented, retagged, truncated or bombed', () => {
    let syntaxErrors = 0;
    fc.assert(
      fc.property(fc.array(textMutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(...YAML_NAMES), (changes, name) => {
        let lines = GENEVA_YAML_LINES;
        for (const change of changes) lines = mutateText(lines, change);
        const text = lines.join('\n');
        const result = load(text, name);
        if (!result.ok && result.problems[0]!.message.startsWith('invalid YAML at line')) {
          syntaxErrors++;
          // The position is inside the text.
          const [, line, column] = /^invalid YAML at line (\d+), column (\d+)/.exec(result.problems[0]!.message)!.map(Number);
          const textLines = text.split('\n');
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(textLines.length);
          expect(column).toBeGreaterThanOrEqual(1);
          expect(column).toBeLessThanOrEqual(textLines[line! - 1]!.length + 1);
        }
      }),
      fuzzRuns(250),
    );
    expect(syntaxErrors, `syntax errors; ${rerun()}`).toBeGreaterThan(0);
  });

  it('truncated Geneva texts, YAML and JSON: refused with a position, or (rarely) still a scenario', () => {
    const json = JSON.stringify(genevaDoc(), null, 2);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: json.length - 2 }), fc.boolean(), (cut, yaml) => {
        const text = yaml ? GENEVA_YAML.slice(0, cut % GENEVA_YAML.length) : json.slice(0, cut);
        const result = load(text, yaml ? 'cut.yaml' : 'cut.json');
        if (!yaml) expect(result.ok).toBe(false);
      }),
      fuzzRuns(150),
    );
  });

  it('duplicate keys: refused in YAML with their line, last one wins in JSON', () => {
    const lines = GENEVA_YAML_LINES;
    expect(DUPLICABLE_KEY_LINES.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.constantFrom(...DUPLICABLE_KEY_LINES), (at) => {
        const line = lines[at]!;
        // Its first line written once more just before it: the original is now the duplicate.
        const duplicate = [...lines.slice(0, at), line, ...lines.slice(at)];
        const result = load(duplicate.join('\n'), 'duplicate.yaml');
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.problems[0]!.message).toBe(`invalid YAML at line ${at + 2}, column ${indentOf(line) + 1}: Map keys must be unique`);
        }
      }),
      fuzzRuns(100),
    );
    const json = JSON.stringify(genevaDoc()).replace('"meta":{', '"meta":{"id":"first",');
    const result = load(json, 'duplicate.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.value as { scenario: { meta: { id: string } } }).scenario.meta.id).toBe('geneva-2022');
  });

  it('deep nesting and huge texts at the edges of the limits, YAML and JSON', () => {
    const firstMessage = (result: Checked<unknown>) => (result.ok ? '' : result.problems[0]!.message);
    for (const depth of [63, 64, 65, 100, 1000, 5000, 20_000]) {
      const pairs: [string, string][] = [
        ['[', ']'],
        ['{"a":', '}'],
      ];
      for (const [open, close] of pairs) {
        const closed = open.repeat(depth) + '1' + close.repeat(depth);
        for (const name of ['deep.json', 'deep.yaml']) {
          const message = firstMessage(load(closed, name));
          expect(/nested/.test(message), `${depth} × ${open} in ${name}: ${message}`).toBe(depth > 64);
        }
        expect(firstMessage(load(open.repeat(depth), 'open.yaml')).length).toBeGreaterThan(0);
      }
      const levels = Math.min(depth, 1400);
      const block = Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1';
      expect(/nested/.test(firstMessage(load(block, 'block.yaml')))).toBe(levels > 64);
      expect(/nested/.test(firstMessage(load(`${'- '.repeat(depth)}x`, 'dashes.yaml')))).toBe(depth > 64);
    }
    for (const bytes of [1024 * 1024, 1024 * 1024 + 1]) {
      const filler = 'x'.repeat(bytes - 20);
      for (const [text, name] of [
        [`meta: "${filler}"`.padEnd(bytes, ' '), 'huge.yaml'],
        [`{"meta":"${filler}"}`.padEnd(bytes, ' '), 'huge.json'],
      ]) {
        expect(text!.length).toBe(bytes);
        const message = firstMessage(load(text!, name!));
        expect(message.startsWith('the file is'), `${bytes} bytes of ${name}: ${message}`).toBe(bytes > 1024 * 1024);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('fuzzing `red-lines scenario check` with the same documents', () => {
  it('120 mutated documents in files: exit 0, 1 or 2 as the loader says, never a stack trace', async () => {
    expect(TITLE_PATH).toBeGreaterThanOrEqual(0);
    let index = 0;
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ yaml: fc.boolean(), changes: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
          fc.record({ yaml: fc.constant(true), text: fc.array(textMutation, { minLength: 1, maxLength: 2 }) }),
        ),
        async (input) => {
          let text: string;
          if ('text' in input) {
            let lines = GENEVA_YAML_LINES;
            for (const change of input.text) lines = mutateText(lines, change);
            text = lines.join('\n');
          } else {
            const doc = mutatedGeneva(input.changes);
            text = input.yaml ? stringify(doc) : JSON.stringify(doc);
          }
          const name = `doc-${index++}.${input.yaml ? 'yaml' : 'json'}`;
          const path = join(dir, name);
          writeFileSync(path, text);

          const expected = load(text, name);
          const parsed = parseDocumentText(text, formatOf(name, text));
          const captured = captureIo();
          let code = -1;
          try {
            code = await main(['scenario', 'check', path], captured.io);
          } catch (error) {
            expect.fail(`main threw: ${String(error)}`);
          }
          seen.add(code);
          const output = captured.all();
          if (output.includes('    at ')) expect.fail(`a stack trace:\n${output}`);
          if (expected.ok) {
            expect(code).toBe(0);
            // A mutation may leave a valid scenario with another title, id or version (a string
            // replaced by another): the summary names the scenario as loaded, not Geneva.
            const { meta } = (expected.value as LoadedScenario).scenario;
            expect(captured.out[0]).toBe(`${path}: valid scenario "${meta.title}" (${meta.id} ${meta.version})`);
            expect(captured.err).toEqual([]);
          } else if (!parsed.ok) {
            expect(code).toBe(2);
            expect(captured.err).toHaveLength(1);
            // How deep the parser gets before its stack runs out depends on the caller's stack (see
            // yaml.test.ts), so for deep nesting only the kind of answer is compared.
            const message = parsed.problems[0]!.message;
            if (/nested/.test(message) || /nested/.test(captured.err[0]!)) expect(captured.err[0]!.startsWith(`${path}: `)).toBe(true);
            else expect(captured.err).toEqual([`${path}: ${message}`]);
          } else {
            expect(code).toBe(1);
            expect(captured.err).toEqual([
              `${path} is not a valid scenario (${countProblems(expected.problems)}):`,
              ...expected.problems.map((problem) => `  ${formatProblem(problem)}`),
            ]);
          }
        },
      ),
      {
        ...fuzzRuns(120),
        // Once found by a run's seed: a valid scenario whose title is no longer Geneva's.
        examples: [[{ yaml: false, changes: [{ kind: 'replace', at: TITLE_PATH, value: '𝔘nicode' }] }]],
      },
    );
    // All three outcomes were exercised.
    expect([...seen].sort(), `exit codes seen; ${rerun()}`).toEqual([0, 1, 2]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('after all the loads', () => {
  it('many documents were read, some of them accepted', () => {
    expect(loads, rerun()).toBeGreaterThan(5000);
    expect(accepted, `documents accepted; ${rerun()}`).toBeGreaterThan(0);
  });

  it('the prototypes are exactly as they were', () => {
    expect(PROTOTYPES.map((prototype) => Reflect.ownKeys(prototype).map(String).sort().join(','))).toEqual(PROTOTYPE_KEYS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('the game started before the loads has the identical snapshot, and the bundled scenario is unchanged', () => {
    expect(GAME.snapshot).toBe(GAME_SNAPSHOT);
    const now = GAME.snapshot;
    expect(JSON.stringify({ value: now.value, status: now.status, game: now.context.game })).toBe(GAME_STATE);
    expect(now.context.game!.rounds.length, rerun()).toBeGreaterThan(0);
    expect(now.context.scenario).toBe(geneva);
    expect(JSON.stringify(geneva)).toBe(GENEVA_STATE);
  });
});
