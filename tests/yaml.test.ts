/**
 * Scenarios written in YAML: the same scenario as the JSON, syntax errors with the line and
 * column where they are, no prototype pollution, aliases capped, deep nesting and oversized
 * text refused before they can hurt, and the format told by extension or by the text itself.
 */
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { MAX_DEPTH } from '../src/engine/json-text.ts';
import {
  byteLength,
  formatOf,
  MAX_SCENARIO_BYTES,
  MAX_YAML_ENTRIES,
  parseDocumentText,
  parseYamlText,
} from '../src/engine/scenario/formats.ts';
import { loadScenarioDocument, loadScenarioText } from '../src/engine/scenario/load.ts';
import { formatProblem, type Checked } from '../src/engine/scenario/problems.ts';
import { geneva, GENEVA_TEXT, genevaDoc, problemLines, setPath, type Json, type JsonObject } from './helpers.ts';

// Count the YAML parser's calls, so that "refused before parsing" can be checked directly.
vi.mock('yaml', async (importOriginal) => {
  const actual = await importOriginal<typeof import('yaml')>();
  return { ...actual, parseDocument: vi.fn(actual.parseDocument) };
});

const GENEVA_YAML = stringify(genevaDoc());
const GENEVA_LINES = GENEVA_YAML.split('\n');

/** The 0-based index of the one line of the Geneva YAML equal to `line`. */
function lineIndex(line: string, from = 0): number {
  const index = GENEVA_LINES.indexOf(line, from);
  if (index < 0) throw new Error(`no line ${JSON.stringify(line)} in the Geneva YAML`);
  return index;
}

/** The Geneva YAML with `count` lines from `index` replaced by `lines`. */
function genevaYamlWith(index: number, count: number, lines: string[]): string {
  const copy = [...GENEVA_LINES];
  copy.splice(index, count, ...lines);
  return copy.join('\n');
}

/** The single problem message of a failed check. */
function onlyMessage(result: Checked<unknown>): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.problems).toHaveLength(1);
  expect(result.problems[0]!.path).toEqual([]);
  return result.problems[0]!.message;
}

/** The line and column of an "invalid YAML at line L, column C" message. */
function position(message: string): { line: number; column: number } {
  const match = /^invalid YAML at line (\d+), column (\d+): \S/.exec(message);
  expect(match, message).not.toBeNull();
  return { line: Number(match![1]), column: Number(match![2]) };
}

function expectCleanPrototypes(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(Object.getOwnPropertyNames(Array.prototype)).not.toContain('polluted');
}

/** The Geneva document with an own key (even `__proto__`) set at a path, as YAML. */
function genevaYamlWithKey(path: (string | number)[], key: string, value: Json): string {
  const doc = genevaDoc();
  setPath(doc, [...path, key], value);
  const text = stringify(doc);
  // The key really is in the text (stringify must not have dropped or renamed it).
  expect(text).toMatch(new RegExp(`^\\s*${key}:`, 'm'));
  return text;
}

describe('a YAML scenario is the same scenario as its JSON', () => {
  it('the Geneva document converted to YAML loads to exactly the bundled scenario', () => {
    expect(GENEVA_YAML).not.toContain('{"');
    expect(GENEVA_YAML.startsWith('$schema: ./scenario.schema.json\nmeta:\n  id: geneva-2022\n')).toBe(true);
    const loaded = loadScenarioText(GENEVA_YAML, 'yaml');
    expect(problemLines(loaded)).toEqual([]);
    if (loaded.ok) expect(loaded.value).toEqual(geneva);
  });

  it('through the browser loader, under every YAML name, with the source kept as written', () => {
    for (const name of ['geneva.yaml', 'GENEVA.YML', 'my scenario.yml', 'no-extension']) {
      const loaded = loadScenarioDocument(GENEVA_YAML, name);
      expect(problemLines(loaded), name).toEqual([]);
      if (!loaded.ok) continue;
      expect(loaded.value.scenario).toEqual(geneva);
      expect(loaded.value.source).toEqual(JSON.parse(GENEVA_TEXT));
    }
  });

  it('YAML and JSON of the same edited document agree, problems and all', () => {
    const doc = genevaDoc();
    setPath(doc, ['tracks', 1, 'positions', 0, 'utility', 'us'], 150);
    setPath(doc, ['sides', 0, 'colour'], 'blue');
    const fromYaml = problemLines(loadScenarioDocument(stringify(doc), 'edited.yaml'));
    const fromJson = problemLines(loadScenarioDocument(JSON.stringify(doc), 'edited.json'));
    expect(fromYaml).toEqual([
      'sides[0].colour: expected a colour such as "#1f5fa8"',
      'tracks[1].positions[0].utility.us: expected a number from 0 to 100',
    ]);
    expect(fromJson).toEqual(fromYaml);
  });

  it('comments, flow collections and quoting styles are all plain YAML', () => {
    const doc = genevaDoc();
    const text = ['# A hand-written header comment', stringify(doc, { defaultStringType: 'QUOTE_DOUBLE', collectionStyle: 'flow' })].join(
      '\n',
    );
    const loaded = loadScenarioDocument(text, 'flow.yaml');
    expect(problemLines(loaded)).toEqual([]);
    if (loaded.ok) expect(loaded.value.scenario).toEqual(geneva);
  });

  it('a byte-order mark in front of the YAML is allowed', () => {
    const loaded = loadScenarioDocument(`\uFEFF${GENEVA_YAML}`, 'bom.yaml');
    expect(problemLines(loaded)).toEqual([]);
  });
});

describe('YAML syntax errors: "invalid YAML at line L, column C"', () => {
  it('bad indentation: a key one column left of its siblings, reported on its own line', () => {
    const index = lineIndex('    name: NATO enlargement');
    const text = genevaYamlWith(index, 1, ['   name: NATO enlargement']);
    const message = onlyMessage(loadScenarioDocument(text, 'bad-indent.yaml'));
    expect(position(message)).toEqual({ line: index + 1, column: 1 });
  });

  it('bad indentation in a small document', () => {
    const message = onlyMessage(parseYamlText('meta:\n  id: x\n title: y\n'));
    expect(message).toBe('invalid YAML at line 3, column 1: All mapping items must start at the same column');
  });

  it('a tab used as indentation', () => {
    const message = onlyMessage(parseYamlText('meta:\n\tid: x\n'));
    expect(message).toBe('invalid YAML at line 2, column 1: Tabs are not allowed as indentation');
  });

  it('an unclosed flow sequence: reported on the line of the bracket or where it should have closed', () => {
    // meta.authors is a one-item block sequence; write it as a flow sequence that never closes.
    const index = lineIndex('  authors:');
    expect(GENEVA_LINES[index + 1]).toBe('    - Red Lines team');
    const text = genevaYamlWith(index, 2, ['  authors: [Red Lines team']);
    const message = onlyMessage(loadScenarioDocument(text, 'unclosed.yaml'));
    expect(message).toContain('end with a ]');
    expect([index + 1, index + 2]).toContain(position(message).line);

    const small = onlyMessage(parseYamlText('meta:\n  authors: [a, b\n  id: x\n'));
    expect(small).toMatch(/^invalid YAML at line [23], column \d+: Flow sequence .*end with a \]$/);
  });

  it('a duplicate key is an error on the line of the second key, not a silent overwrite', () => {
    const index = lineIndex('  - id: us');
    const text = genevaYamlWith(index, 1, ['  - id: us', '    id: ru']);
    const message = onlyMessage(loadScenarioDocument(text, 'duplicate.yaml'));
    expect(message).toBe(`invalid YAML at line ${index + 2}, column 5: Map keys must be unique`);

    expect(onlyMessage(parseYamlText('a: 1\nb: 2\na: 3\n'))).toBe('invalid YAML at line 3, column 1: Map keys must be unique');
  });

  it('finds a duplicate among many keys, in any mapping, in one pass (the parser’s own check is quadratic)', () => {
    const keys = Array.from({ length: 15_000 }, (_, i) => `k${i}: ${i}`);
    expect(parseYamlText(keys.join('\n')).ok).toBe(true);
    expect(onlyMessage(parseYamlText([...keys, 'k14999: again'].join('\n')))).toBe(
      'invalid YAML at line 15001, column 1: Map keys must be unique',
    );
    // Equal keys in different mappings are not duplicates; equal keys in a nested one are.
    expect(parseYamlText('a:\n  x: 1\nb:\n  x: 2\n').ok).toBe(true);
    expect(onlyMessage(parseYamlText('a:\n  x: 1\n  y: 2\n  x: 3\n'))).toBe('invalid YAML at line 4, column 3: Map keys must be unique');
    expect(onlyMessage(parseYamlText('{ a: 1, b: 2, a: 3 }'))).toBe('invalid YAML at line 1, column 15: Map keys must be unique');
  });

  it('an unclosed quote and a second document are errors with a position', () => {
    expect(position(onlyMessage(parseYamlText('meta:\n  id: "geneva\n  title: x\n'))).line).toBeGreaterThanOrEqual(2);
    expect(onlyMessage(parseYamlText('meta: 1\n---\nmeta: 2\n'))).toBe(
      'invalid YAML at line 2, column 1: a second document (after "---"): a scenario file holds one',
    );
  });

  it('a YAML error keeps its position when read through parseDocumentText and loadScenarioText', () => {
    const text = 'a: 1\nb: 2\na: 3\n';
    const expected = 'invalid YAML at line 3, column 1: Map keys must be unique';
    expect(onlyMessage(parseDocumentText(text, 'yaml'))).toBe(expected);
    expect(onlyMessage(loadScenarioText(text, 'yaml'))).toBe(expected);
    expect(problemLines(loadScenarioDocument(text, 'x.yml'))).toEqual([`(document): ${expected}`]);
  });
});

describe('__proto__, constructor and prototype keys in YAML', () => {
  it('a __proto__ key is an own key of the parsed value, never its prototype', () => {
    const parsed = parseYamlText('__proto__:\n  polluted: true\nnested:\n  __proto__: {polluted: true}\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const value = parsed.value as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(value.nested)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(value.polluted).toBeUndefined();
    expect(value.nested!.polluted).toBeUndefined();
    expectCleanPrototypes();
  });

  it('YAML 1.1 merge keys cannot smuggle a prototype in either', () => {
    const parsed = parseYamlText('%YAML 1.1\n---\nbase: &b {__proto__: {polluted: true}, x: 1}\nc:\n  <<: *b\n');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      const c = (parsed.value as Record<string, Record<string, unknown>>).c!;
      expect(c.x).toBe(1);
      expect(c.polluted).toBeUndefined();
      expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    }
    expectCleanPrototypes();
  });

  /**
   * A prototype key is either ignored (the scenario loads as if it were not there) or refused
   * with problems that say where it is; never a pollution, never an exception.
   */
  function expectIgnoredOrRefused(path: (string | number)[], key: string, value: Json): void {
    const where = `${key} at ${path.join('.') || '(document)'}`;
    const loaded = loadScenarioDocument(genevaYamlWithKey(path, key, value), 'keys.yaml');
    if (loaded.ok) expect(loaded.value.scenario, where).toEqual(geneva);
    else {
      expect(loaded.problems.length, where).toBeGreaterThan(0);
      for (const problem of loaded.problems) expect(problem.message.length, where).toBeGreaterThan(0);
      const lines = loaded.problems.map(formatProblem);
      expect(
        lines.some((line) => line.includes(key)),
        `${where}: ${lines.join('; ')}`,
      ).toBe(true);
    }
    expectCleanPrototypes();
  }

  it('in objects: __proto__, constructor and prototype keys are ignored or refused by name', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      for (const path of [[], ['meta'], ['sides', 0], ['tracks', 0, 'positions', 0], ['escalation', 'weights']]) {
        expectIgnoredOrRefused(path, key, { polluted: true, id: 'evil', name: 'Evil' });
      }
    }
  });

  it('in records keyed by side, track or position: ignored or refused by name', () => {
    const cases: [(string | number)[], string, Json][] = [
      [['tracks', 0, 'positions', 0, 'utility'], '__proto__', { ru: 77, polluted: true }],
      [['tracks', 0, 'positions', 0, 'utility'], 'constructor', 5],
      [['tracks', 0, 'redLines'], 'constructor', ['open-door']],
      [['tracks', 0, 'redLines'], '__proto__', ['open-door']],
      [['tracks', 0, 'weight'], 'prototype', 5],
      [['debrief', 'outcome', 'agreed'], 'constructor', 'open-door'],
      [['map', 'blocs'], '__proto__', ['Poland']],
    ];
    for (const [path, key, value] of cases) expectIgnoredOrRefused(path, key, value);
  });

  it('a __proto__ key cannot fill in a missing side through the prototype chain', () => {
    const doc = genevaDoc();
    const utility = ((doc.tracks as JsonObject[])[0]!.positions as JsonObject[])[1]!.utility as JsonObject;
    delete utility.ru;
    setPath(doc, ['tracks', 0, 'positions', 1, 'utility', '__proto__'], { ru: 77 });
    expect(problemLines(loadScenarioDocument(stringify(doc), 'missing.yaml'))).toContain(
      'tracks[0].positions[1].utility.ru: missing a value for side "ru"',
    );
    expectCleanPrototypes();
  });

  it('a loaded record never has a polluted prototype or an extra key', () => {
    const loaded = loadScenarioDocument(
      genevaYamlWithKey(['tracks', 0, 'positions', 0, 'utility'], '__proto__', { polluted: true }),
      'x.yaml',
    );
    if (loaded.ok) {
      const utility = loaded.value.scenario.tracks[0]!.positions[0]!.utility;
      expect(Object.keys(utility).sort()).toEqual(['ru', 'us']);
      expect(Object.getPrototypeOf(utility)).toBe(Object.prototype);
      expect((utility as Record<string, unknown>).polluted).toBeUndefined();
    }
    expectCleanPrototypes();
  });
});

describe('anchors and aliases', () => {
  it('anchors and a few dozen aliases work, in a scenario too', () => {
    const fifty = `list: &x [1, 2]\nuses:\n${'  - *x\n'.repeat(50)}`;
    const parsed = parseYamlText(fifty);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect((parsed.value as { uses: unknown[] }).uses).toEqual(Array.from({ length: 50 }, () => [1, 2]));

    // Geneva with every repeated list or mapping shared: stringify writes the repeats as aliases.
    const doc = genevaDoc();
    const seen = new Map<string, Json>();
    const share = (value: Json): Json => {
      if (value === null || typeof value !== 'object') return value;
      for (const key of Object.keys(value)) (value as JsonObject)[key] = share((value as JsonObject)[key]!);
      const key = JSON.stringify(value);
      if (!seen.has(key)) seen.set(key, value);
      return seen.get(key)!;
    };
    share(doc);
    const text = stringify(doc);
    expect((text.match(/^\s*(- )?\w*:? ?&\w+/gm) ?? []).length).toBeGreaterThan(5);
    expect((text.match(/\*a\d+/g) ?? []).length).toBeGreaterThan(10);
    const loaded = loadScenarioDocument(text, 'aliases.yaml');
    expect(problemLines(loaded)).toEqual([]);
    if (loaded.ok) expect(loaded.value.scenario).toEqual(geneva);
  });

  it('a "billion laughs" alias bomb is refused quickly, with a message', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(', ')}]`);
    }
    const bomb = `${levels.join('\n')}\n`;
    const start = performance.now();
    const result = loadScenarioDocument(bomb, 'lol.yaml');
    const elapsed = performance.now() - start;
    expect(onlyMessage(result)).toBe('invalid YAML: Excessive alias count indicates a resource exhaustion attack');
    expect(elapsed).toBeLessThan(1000);
  });

  it('an alias that contains itself is refused, not followed for ever', () => {
    expect(onlyMessage(parseYamlText('a: &a\n  b: *a\n'))).toBe(`nested more than ${MAX_DEPTH} levels deep`);
    expect(onlyMessage(parseYamlText('&a [*a]'))).toBe(`nested more than ${MAX_DEPTH} levels deep`);
  });

  it('an alias to an anchor never set is an error', () => {
    expect(onlyMessage(parseYamlText('a: *nowhere\n'))).toMatch(/^invalid YAML.*nowhere/);
  });
});

describe('deep nesting', () => {
  /** A block mapping nested `depth` levels deep, ending in a scalar. */
  const blockMapping = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';

  it('is allowed up to the limit and refused one level beyond', () => {
    expect(parseYamlText('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH)).ok).toBe(true);
    expect(onlyMessage(parseYamlText('['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1)))).toBe(
      `nested more than ${MAX_DEPTH} levels deep`,
    );
    expect(parseYamlText(blockMapping(MAX_DEPTH)).ok).toBe(true);
    expect(onlyMessage(parseYamlText(blockMapping(MAX_DEPTH + 1)))).toBe(`nested more than ${MAX_DEPTH} levels deep`);
  });

  // Deep enough to exhaust the parser's stack; the block mapping is indented one space a level,
  // so 1,400 levels stay under the 1 MiB limit (about 0.96 MiB).
  const hostile: [string, string][] = [
    ['20,000 open flow brackets', '['.repeat(20_000)],
    ['20,000 nested flow sequences, closed', '['.repeat(20_000) + ']'.repeat(20_000)],
    ['a block mapping nested 1,400 levels deep', blockMapping(1400)],
  ];

  for (const [name, text] of hostile) {
    it(`${name}: refused cleanly, with one problem and no exception`, () => {
      expect(byteLength(text)).toBeLessThanOrEqual(MAX_SCENARIO_BYTES);
      const start = performance.now();
      let result: Checked<unknown> | undefined;
      expect(() => (result = loadScenarioDocument(text, 'deep.yaml'))).not.toThrow();
      expect(performance.now() - start).toBeLessThan(5000);
      expect(onlyMessage(result!)).toMatch(/^(invalid YAML|nested)/);
    });

    it(`${name}: the message says the document is nested too deeply, not "Maximum call stack size exceeded"`, () => {
      // document.ts turns a thrown stack overflow into "nested too deeply", but the yaml library
      // catches its own RangeError and reports it as a document error, whose text is passed on as
      // is, with a line and column that only say where the stack ran out.
      const message = onlyMessage(loadScenarioDocument(text, 'deep.yaml'));
      expect(message).not.toMatch(/call stack/i);
      expect(message).toMatch(/nested/);
    });
  }

  it('the answer for a deeply nested document does not depend on how much stack the caller has used', () => {
    // The yaml parser recurses once per level. 700 nested flow sequences parse on a fresh stack and
    // are then refused by the depth limit; called a few thousand frames deeper (as from inside a UI
    // event handler, a framework or a worker), the parser runs out of stack first and the same text
    // gets another message, with a position that only says where the stack ran out. Measuring the
    // flow nesting before parsing (as json-text.ts does for JSON) would make the answer stable.
    const text = `k: ${'['.repeat(700)}${']'.repeat(700)}\n`;
    const descend = (frames: number, atBottom: () => string): string => (frames === 0 ? atBottom() : descend(frames - 1, atBottom));
    // How many frames of `descend` the stack holds here, found by bisection.
    let [low, high] = [0, 1 << 20];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      try {
        descend(middle, () => '');
        low = middle;
      } catch {
        high = middle;
      }
    }
    expect(low).toBeGreaterThan(1000);
    const messages = [0, 0.5, 0.75, 0.9].map((share) => {
      const frames = Math.floor(low * share);
      return `${frames} frames deep: ${descend(frames, () => onlyMessage(parseYamlText(text)))}`;
    });
    const distinct = new Set(messages.map((line) => line.replace(/^\d+ frames deep: /, '')));
    expect(distinct.size, messages.join('\n')).toBe(1);
    expect([...distinct][0]).toBe(`nested more than ${MAX_DEPTH} levels deep`);
  });

  it('a block mapping 200 levels deep is refused by the depth limit', () => {
    expect(onlyMessage(loadScenarioDocument(blockMapping(200), 'deep.yml'))).toBe(`nested more than ${MAX_DEPTH} levels deep`);
  });
});

describe('the size limit comes before any parsing', () => {
  const sizeMessage = /^the file is \d+\.\d MiB; scenarios may be at most 1 MiB$/;

  it('1 MiB + 1 byte of YAML is refused without calling the parser', () => {
    const parser = vi.mocked(parseDocument);
    parser.mockClear();
    const text = `a: ${'x'.repeat(MAX_SCENARIO_BYTES - 3)}`;
    expect(byteLength(text)).toBe(MAX_SCENARIO_BYTES);
    expect(parseDocumentText(text, 'yaml').ok).toBe(true);
    expect(parser).toHaveBeenCalledTimes(1);

    parser.mockClear();
    const over = `${text}x`;
    expect(byteLength(over)).toBe(MAX_SCENARIO_BYTES + 1);
    expect(onlyMessage(parseDocumentText(over, 'yaml'))).toMatch(sizeMessage);
    expect(onlyMessage(loadScenarioDocument(over, 'big.yaml'))).toMatch(sizeMessage);
    expect(parser).not.toHaveBeenCalled();
  });

  it('1 MiB + 1 byte of JSON that would be a nesting error is refused for its size instead', () => {
    const text = '['.repeat(MAX_SCENARIO_BYTES + 1);
    expect(onlyMessage(loadScenarioDocument(text, 'big.json'))).toMatch(sizeMessage);
    expect(onlyMessage(loadScenarioText(text))).toMatch(sizeMessage);
  });

  it('counts bytes, not characters: 2-byte characters reach the limit at half as many characters', () => {
    const text = `a: ${'é'.repeat(MAX_SCENARIO_BYTES / 2)}`;
    expect(text.length).toBeLessThan(MAX_SCENARIO_BYTES);
    expect(byteLength(text)).toBeGreaterThan(MAX_SCENARIO_BYTES);
    expect(onlyMessage(parseDocumentText(text, 'yaml'))).toMatch(sizeMessage);
    expect(byteLength('€')).toBe(3);
    expect(byteLength('')).toBe(0);
  });
});

describe('formatOf', () => {
  it('by extension, whatever the text', () => {
    expect(formatOf('a.yaml', '{"json": true}')).toBe('yaml');
    expect(formatOf('a.YML', '[1]')).toBe('yaml');
    expect(formatOf('dir.json/a.yml', '{}')).toBe('yaml');
    expect(formatOf('a.json', 'meta:\n  id: x\n')).toBe('json');
    expect(formatOf('A.JSON', 'meta: x')).toBe('json');
    expect(formatOf('a.yaml.json', 'meta: x')).toBe('json');
  });

  it('by sniffing the text when the name does not tell', () => {
    expect(formatOf('', '{"meta": {}}')).toBe('json');
    expect(formatOf('scenario', '  \n\t[1, 2]')).toBe('json');
    expect(formatOf('scenario.txt', '\uFEFF{"a": 1}')).toBe('json');
    expect(formatOf('/scenarios/geneva', GENEVA_TEXT)).toBe('json');
    expect(formatOf('/scenarios/geneva', GENEVA_YAML)).toBe('yaml');
    expect(formatOf('a.yaml.bak', 'meta: x')).toBe('yaml');
    expect(formatOf('', '')).toBe('yaml');
    expect(formatOf('notes.md', '# {not json}')).toBe('yaml');
  });

  it('the sniffed format is the one the loader uses', () => {
    expect(problemLines(loadScenarioDocument(GENEVA_TEXT, 'no-extension'))).toEqual([]);
    expect(problemLines(loadScenarioDocument(GENEVA_YAML, 'no-extension'))).toEqual([]);
    expect(problemLines(loadScenarioDocument('{"meta": ', 'no-extension'))[0]).toMatch(/^\(document\): invalid JSON at line 1, column/);
    expect(formatProblem({ path: [], message: 'm' })).toBe('(document): m');
  });
});

describe('the bound on lines and flow entries, counted before parsing', () => {
  const parses = () => vi.mocked(parseDocument).mock.calls.length;

  it('a text of exactly the bound is parsed; one line more is refused without calling the parser', () => {
    const lines = Array.from({ length: MAX_YAML_ENTRIES }, (_, i) => `k${i}: 1`);
    expect(parseYamlText(lines.join('\n')).ok).toBe(true);
    const before = parses();
    expect(onlyMessage(parseYamlText([...lines, 'one: more'].join('\n')))).toBe(
      `the file has ${(MAX_YAML_ENTRIES + 1).toLocaleString('en')} lines and flow entries ([ ], { }); scenarios may have at most ${MAX_YAML_ENTRIES.toLocaleString('en')}`,
    );
    expect(parses()).toBe(before);
  });

  it('flow entries count, and commas in quotes or outside a flow collection do not', () => {
    const flow = `x: [${Array.from({ length: MAX_YAML_ENTRIES }, () => '1').join(', ')}]`;
    expect(onlyMessage(parseYamlText(flow))).toMatch(/^the file has 20,001 lines and flow entries/);
    const prose = `x: "${'a, '.repeat(MAX_YAML_ENTRIES * 2)}"\ny: [${'"b, c", '.repeat(100)}d]\nz: plain, text, with, commas`;
    expect(parseYamlText(prose).ok).toBe(true);
  });
});

describe('what the YAML parser would read without a word', () => {
  it('an empty, blank or comment-only document is refused as empty', () => {
    for (const text of ['', '\n  \n', '# just a remark\n']) {
      expect(onlyMessage(parseDocumentText(text, 'yaml'))).toBe('invalid YAML at line 1, column 1: the document is empty');
    }
    expect(onlyMessage(parseDocumentText(' ', 'json'))).toBe('invalid JSON at line 1, column 1: the document is empty');
  });

  it('unknown tags, the YAML 1.1 ones included, are problems; the core schema’s own tags are fine', () => {
    expect(onlyMessage(parseYamlText('a: 1\nb: !!js/function "function () {}"'))).toBe(
      'invalid YAML at line 2, column 4: unknown tag !!js/function (scenarios use plain values only)',
    );
    expect(onlyMessage(parseYamlText('a: !foo x'))).toBe(
      'invalid YAML at line 1, column 4: unknown tag !foo (scenarios use plain values only)',
    );
    for (const tag of ['!!binary aGk=', '!!set {a}', '!!omap [a: 1]', '!!timestamp 2001-12-14']) {
      expect(onlyMessage(parseYamlText(`a: ${tag}`))).toMatch(/unknown tag !!(binary|set|omap|timestamp)/);
    }
    expect(parseYamlText('a: !!str 5\nb: !!int "7"\nc: !!float 1.5\nd: !!bool true\ne: !!null ""\nf: !!map {x: 1}\ng: !!seq [1]')).toEqual({
      ok: true,
      value: { a: '5', b: 7, c: 1.5, d: true, e: null, f: { x: 1 }, g: [1] },
    });
  });

  it('a plain key with no value in a flow mapping: a comma inside a value, reported where the key starts', () => {
    expect(onlyMessage(parseYamlText('m: { label: MRBM sites, San Cristóbal, kind: missile-site }'))).toBe(
      'invalid YAML at line 1, column 25: "San Cristóbal" is a key with no value in a flow mapping { … }: probably a comma inside a value; put the value in quotes',
    );
    // An explicit empty value, a quoted key and a block mapping's empty key are meant as written.
    expect(parseYamlText('m: { a: , "b": 1 }\nn:\n  c:\n').ok).toBe(true);
    expect(parseYamlText('m: { label: "MRBM sites, San Cristóbal", kind: missile-site }')).toEqual({
      ok: true,
      value: { m: { label: 'MRBM sites, San Cristóbal', kind: 'missile-site' } },
    });
  });

  it('control characters written raw are refused at their place, in YAML and JSON', () => {
    expect(onlyMessage(parseDocumentText('a: 1\nb: x\u001b[2J', 'yaml'))).toBe(
      'line 2, column 5: a control character (U+001B): a binary file? write it as an escape in quotes if it was meant',
    );
    expect(onlyMessage(parseDocumentText('{"a": "\u0000"}', 'json'))).toMatch(/^line 1, column 8: a NUL character/);
    // Escaped, they are text like any other.
    expect(parseDocumentText('a: "\\e[2J"', 'yaml')).toEqual({ ok: true, value: { a: '\u001b[2J' } });
  });
});
