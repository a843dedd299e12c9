import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../src/engine/json-text.ts';
import { checkScenario, loadScenarioText } from '../src/engine/scenario/load.ts';
import { formatPath, formatProblem } from '../src/engine/scenario/problems.ts';
import { deletePath, GENEVA_TEXT, genevaDoc, getPath, problemLines, setPath, type Json, type JsonObject } from './helpers.ts';

/** The formatted problems of Geneva with one edit applied. */
function problemsAfter(edit: (doc: JsonObject) => void): string[] {
  const doc = genevaDoc();
  edit(doc);
  return problemLines(loadScenarioText(JSON.stringify(doc)));
}

const text = (doc: Json, path: (string | number)[]) => getPath(doc, path) as string;

describe('the bundled Geneva scenario', () => {
  it('validates, with the shape the design describes', () => {
    const loaded = loadScenarioText(GENEVA_TEXT);
    expect(problemLines(loaded)).toEqual([]);
    if (!loaded.ok) return;
    const scenario = loaded.value;
    expect(scenario.meta.id).toBe('geneva-2022');
    expect(scenario.sides.map((side) => side.id)).toEqual(['us', 'ru']);
    expect(scenario.tracks.map((track) => track.id)).toEqual(['enlargement', 'missiles', 'exercises']);
    expect(scenario.rounds.length).toBeGreaterThanOrEqual(2);
    for (const track of scenario.tracks) {
      expect(track.positions.length).toBeGreaterThanOrEqual(3);
      expect(track.positions.map((position) => position.id)).toContain(track.statusQuo);
    }
    expect(scenario.escalation.bands[0]!.from).toBe(0);
  });

  it('fills in defaults (event probability, sources)', () => {
    const doc = genevaDoc();
    const events = doc.events as JsonObject[];
    delete events[0]!.probability;
    delete events[0]!.sources;
    const loaded = loadScenarioText(JSON.stringify(doc));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.events[0]!.probability).toBe(1);
    expect(loaded.value.events[0]!.sources).toEqual([]);
  });

  it('checkScenario takes a parsed value and agrees with loadScenarioText', () => {
    expect(checkScenario(JSON.parse(GENEVA_TEXT)).ok).toBe(true);
    expect(problemLines(checkScenario({}))).toContain('meta: missing: expected an object');
  });
});

describe('invalid scenarios: every problem with its path', () => {
  it('a utility out of range', () => {
    const problems = problemsAfter((doc) => setPath(doc, ['tracks', 1, 'positions', 0, 'utility', 'us'], 150));
    expect(problems).toEqual(['tracks[1].positions[0].utility.us: expected a number from 0 to 100']);
  });

  it('a utility of the wrong type', () => {
    const problems = problemsAfter((doc) => setPath(doc, ['tracks', 0, 'positions', 2, 'utility', 'ru'], '20'));
    expect(problems).toEqual(['tracks[0].positions[2].utility.ru: expected a number from 0 to 100']);
  });

  it('a dangling status quo', () => {
    const problems = problemsAfter((doc) => setPath(doc, ['tracks', 0, 'statusQuo'], 'nowhere'));
    expect(problems).toEqual([`tracks[0].statusQuo: unknown position "nowhere" on track "${text(genevaDoc(), ['tracks', 0, 'id'])}"`]);
  });

  it('duplicate track ids', () => {
    const first = text(genevaDoc(), ['tracks', 0, 'id']);
    const problems = problemsAfter((doc) => setPath(doc, ['tracks', 1, 'id'], first));
    expect(problems).toContain(`tracks[1].id: duplicate track id "${first}"`);
  });

  it('duplicate position ids on a track', () => {
    const problems = problemsAfter((doc) =>
      setPath(doc, ['tracks', 2, 'positions', 1, 'id'], text(doc, ['tracks', 2, 'positions', 0, 'id'])),
    );
    const id = text(genevaDoc(), ['tracks', 2, 'positions', 0, 'id']);
    expect(problems).toContain(`tracks[2].positions[1].id: duplicate position id "${id}"`);
  });

  it('one side, or three', () => {
    expect(problemsAfter((doc) => deletePath(doc, ['sides', 1]))).toContain('sides: expected exactly 2 sides');
    const three = problemsAfter((doc) => {
      const sides = doc.sides as JsonObject[];
      sides.push({ ...sides[0]!, id: 'eu' });
    });
    expect(three).toContain('sides: expected exactly 2 sides');
  });

  it('too few tracks and too many rounds', () => {
    expect(problemsAfter((doc) => (doc.tracks as Json[]).splice(1))).toContain('tracks: expected from 2 to 6 tracks');
    const rounds = problemsAfter((doc) => {
      const list = doc.rounds as JsonObject[];
      while (list.length < 13) list.push({ ...list[0]!, id: `extra-${list.length}` });
    });
    expect(rounds).toContain('rounds: expected from 2 to 12 rounds');
  });

  it('bands out of order', () => {
    const previous = getPath(genevaDoc(), ['escalation', 'bands', 1, 'from']) as number;
    const problems = problemsAfter((doc) => setPath(doc, ['escalation', 'bands', 2, 'from'], previous - 5));
    expect(problems).toEqual([`escalation.bands[2].from: expected a start above the previous band's (${previous})`]);
  });

  it('a first band that does not start at 0', () => {
    const problems = problemsAfter((doc) => setPath(doc, ['escalation', 'bands', 0, 'from'], 5));
    expect(problems).toEqual(['escalation.bands[0].from: expected the first band to start at 0']);
  });

  it('an incident curve out of order', () => {
    const problems = problemsAfter((doc) => setPath(doc, ['escalation', 'incident', 'chance', 1, 'risk'], 0));
    expect(problems).toEqual(['escalation.incident.chance[1].risk: expected points sorted by rising risk']);
  });

  it('a missing utility for a side', () => {
    const problems = problemsAfter((doc) => deletePath(doc, ['tracks', 0, 'positions', 2, 'utility', 'ru']));
    expect(problems).toEqual(['tracks[0].positions[2].utility.ru: missing a value for side "ru"']);
  });

  it('a missing weight and missing red lines for a side', () => {
    const problems = problemsAfter((doc) => {
      deletePath(doc, ['tracks', 1, 'weight', 'us']);
      deletePath(doc, ['tracks', 2, 'redLines', 'ru']);
    });
    expect(problems).toEqual([
      'tracks[1].weight.us: missing a value for side "us"',
      'tracks[2].redLines.ru: missing a value for side "ru"',
    ]);
  });

  it('a utility for a side that does not exist', () => {
    const problems = problemsAfter((doc) => setPath(doc, ['tracks', 0, 'positions', 0, 'utility', 'eu'], 50));
    expect(problems).toEqual(['tracks[0].positions[0].utility.eu: unknown side "eu"; expected "us" and "ru"']);
  });

  it('an opening on its own red line', () => {
    const redLine = text(genevaDoc(), ['tracks', 0, 'redLines', 'us', 0]);
    const problems = problemsAfter((doc) => setPath(doc, ['tracks', 0, 'opening', 'us'], redLine));
    expect(problems).toEqual([`tracks[0].opening.us: side "us" cannot open on its own red line "${redLine}"`]);
  });

  it('red lines on every position of a track', () => {
    const problems = problemsAfter((doc) => {
      const positions = getPath(doc, ['tracks', 2, 'positions']) as JsonObject[];
      setPath(
        doc,
        ['tracks', 2, 'redLines', 'ru'],
        positions.map((position) => position.id as string),
      );
    });
    expect(problems).toContain('tracks[2].redLines.ru: side "ru" rules out every position on track "exercises"');
  });

  it('dangling references: a round of an event, a quote, a persona side, a source', () => {
    const problems = problemsAfter((doc) => {
      setPath(doc, ['events', 0, 'trigger', 'round'], 'no-such-round');
      setPath(doc, ['events', 1, 'quote'], 'no-such-quote');
      setPath(doc, ['personas', 0, 'side'], 'eu');
      setPath(doc, ['rounds', 0, 'sources'], ['no-such-source']);
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'events[0].trigger.round: unknown round "no-such-round"',
        'events[1].quote: unknown quote "no-such-quote"',
        'personas[0].side: unknown side "eu"; expected "us" and "ru"',
        'rounds[0].sources[0]: unknown source "no-such-source"',
      ]),
    );
  });

  it('a malformed id and a bad colour', () => {
    const problems = problemsAfter((doc) => {
      setPath(doc, ['sides', 0, 'colour'], 'blue');
      setPath(doc, ['tracks', 0, 'id'], 'Has Spaces');
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'sides[0].colour: expected a colour such as "#1f5fa8"',
        "tracks[0].id: expected track id made of lower-case letters, digits, '-' and '_'",
      ]),
    );
  });

  it('the historical line must use known tracks and positions', () => {
    const problems = problemsAfter((doc) => setPath(doc, ['debrief', 'line', 0, 'proposal', 'positions', 'enlargement'], 'nowhere'));
    expect(problems).toEqual(['debrief.line[0].proposal.positions.enlargement: unknown position "nowhere" on track "enlargement"']);
  });

  it('a document that is not an object', () => {
    for (const value of ['null', '[]', '42', '"scenario"']) {
      const result = loadScenarioText(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]!.path).toEqual([]);
    }
  });
});

describe('formatting problems', () => {
  it('paths read the way authors write them', () => {
    expect(formatPath(['tracks', 1, 'positions', 0, 'utility', 'us'])).toBe('tracks[1].positions[0].utility.us');
    expect(formatPath([])).toBe('(document)');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath(['records', 'has space', 'x'])).toBe('records["has space"].x');
    expect(formatPath(['$schema'])).toBe('$schema');
    expect(formatProblem({ path: ['meta', 'id'], message: 'bad' })).toBe('meta.id: bad');
  });
});

describe('untrusted text', () => {
  it('a syntax error reports its line and column', () => {
    // The missing comma is on line 3.
    const result = loadScenarioText('{\n  "a": 1,\n  "b": 2\n  "c": 3\n}');
    expect(problemLines(result)).toHaveLength(1);
    expect(problemLines(result)[0]).toMatch(/^\(document\): invalid JSON at line 4, column 3: /);
  });

  it('an unexpected token is reported where it is, not at the end of the file', () => {
    // Node 20's message for a stray token ("Unexpected token 'x', ... is not valid JSON") carries
    // no position; the problem must still point at the token's line.
    const lines = GENEVA_TEXT.split('\n');
    const line = lines.findIndex((item) => item.includes('"forces":'));
    lines[line] = lines[line]!.replace('"forces": ', '"forces": x');
    const result = loadScenarioText(lines.join('\n'));
    expect(result.ok).toBe(false);
    expect(problemLines(result)[0]).toMatch(new RegExp(`^\\(document\\): invalid JSON at line ${line + 1}, column \\d+: `));
  });

  it('a trailing comma in an array is reported on its line', () => {
    const result = loadScenarioText('{\n  "authors": ["a",],\n  "b": 1\n}');
    expect(problemLines(result)[0]).toMatch(/^\(document\): invalid JSON at line 2, column \d+: /);
  });

  it('a truncated document is reported at its end', () => {
    const cut = GENEVA_TEXT.slice(0, 500);
    const result = loadScenarioText(cut);
    const lastLine = cut.split('\n').length;
    expect(problemLines(result)[0]).toMatch(new RegExp(`^\\(document\\): invalid JSON at line ${lastLine}, column \\d+: `));
  });

  it('empty text is an error at line 1, column 1', () => {
    expect(problemLines(loadScenarioText(''))[0]).toMatch(/^\(document\): invalid JSON at line 1, column 1: /);
  });

  it('refuses deep nesting cleanly (10,000 nested arrays)', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(problemLines(loadScenarioText(deep))).toEqual([`(document): nested more than ${MAX_DEPTH} levels deep`]);
    const deepObjects = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    expect(problemLines(loadScenarioText(deepObjects))).toEqual([`(document): nested more than ${MAX_DEPTH} levels deep`]);
  });

  it('counts nesting outside strings only, and allows up to the limit', () => {
    const inString = JSON.stringify({ note: '['.repeat(1000) });
    expect(problemLines(loadScenarioText(inString)).join('\n')).not.toContain('nested');
    const atLimit = '['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH);
    expect(problemLines(loadScenarioText(atLimit)).join('\n')).not.toContain('nested');
    const overLimit = '['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1);
    expect(problemLines(loadScenarioText(overLimit))).toEqual([`(document): nested more than ${MAX_DEPTH} levels deep`]);
  });

  it('__proto__ and constructor keys neither pollute prototypes nor throw', () => {
    const polluted = GENEVA_TEXT.replace(
      '"meta": {',
      '"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "meta": {',
    ).replace('"utility": {', '"utility": {"__proto__": {"polluted": true}, ');
    const result = loadScenarioText(polluted);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    if (result.ok) {
      const utility = result.value.tracks[0]!.positions[0]!.utility;
      expect(Object.getPrototypeOf(utility)).toBe(Object.prototype);
      expect(Object.keys(utility).sort()).toEqual(['ru', 'us']);
    }
  });
});

describe('ids that are names on Object.prototype', () => {
  // Ids become keys of records, so names every object inherits ("constructor", "__proto__",
  // "toString"…) are refused with a clear message instead of being guarded at every lookup.
  const renamed = () => JSON.parse(GENEVA_TEXT.replaceAll('"ru"', '"constructor"')) as JsonObject;

  it('a side called "constructor" is refused with a clear message, not a crash', () => {
    let problems: string[] = [];
    expect(() => {
      problems = problemLines(loadScenarioText(JSON.stringify(renamed())));
    }).not.toThrow();
    expect(problems).toContain('sides[1].id: expected side id other than a name JavaScript reserves, such as "constructor"');
  });

  it('a track called "hasOwnProperty" is refused too', () => {
    const doc = JSON.parse(GENEVA_TEXT.replaceAll('"exercises"', '"hasOwnProperty"')) as JsonObject;
    expect(problemLines(loadScenarioText(JSON.stringify(doc)))).toContain(
      'tracks[2].id: expected track id other than a name JavaScript reserves, such as "constructor"',
    );
  });
});
