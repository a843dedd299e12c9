/**
 * One wording for every schema problem, whatever Zod's kind of issue: "expected …", "missing:
 * expected …" or "unknown key …: expected one of …". Zod's own phrasings ("Invalid input:
 * expected string, received null", "Invalid option: …", "Too small: …") never reach an author.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../src/engine/scenario/load.ts';
import { validate } from '../src/engine/scenario/schema-helpers.ts';
import { scenarioSchema } from '../src/engine/scenario/schema.ts';
import { expectationsFileSchema } from '../src/engine/scenario-tests/schema.ts';
import { allPaths, deletePath, genevaDoc, problemLines, setPath, type Json, type JsonObject } from './helpers.ts';
import { fuzzRuns } from './fuzz-values.ts';

const ONE_WORDING = /^(missing: )?expected |^unknown keys? "/;

function linesAfter(edit: (doc: JsonObject) => void): string[] {
  const doc = genevaDoc();
  edit(doc);
  return problemLines(loadScenarioText(JSON.stringify(doc)));
}

describe('each kind of schema problem, in the one wording', () => {
  it('null or the wrong type: expected text (a colour left empty by a YAML comment)', () => {
    expect(linesAfter((doc) => setPath(doc, ['sides', 0, 'colour'], null))).toEqual(['sides[0].colour: expected text']);
    expect(linesAfter((doc) => setPath(doc, ['escalation', 'walkoutRisk'], 'high'))).toEqual([
      'escalation.walkoutRisk: expected a number from 0 to 50',
    ]);
    expect(linesAfter((doc) => setPath(doc, ['privateRedLines'], 'yes'))).toEqual(['privateRedLines: expected true or false']);
    expect(linesAfter((doc) => setPath(doc, ['escalation', 'weights'], []))).toEqual(['escalation.weights: expected an object']);
    expect(linesAfter((doc) => setPath(doc, ['tracks', 0, 'weight'], 3))).toEqual(['tracks[0].weight: expected an object keyed by id']);
  });

  it('a value off a list: expected one of "a", "b"', () => {
    expect(linesAfter((doc) => setPath(doc, ['quotes', 0, 'mood'], 'angry'))).toEqual([
      'quotes[0].mood: expected one of "open", "accept", "counter", "reject", "walkout", "warn"',
    ]);
    expect(linesAfter((doc) => setPath(doc, ['events', 0, 'trigger', 'kind'], 'sometimes'))).toEqual([
      'events[0].trigger.kind: expected one of "scripted", "conditional"',
    ]);
  });

  it('a field left out: missing: expected …', () => {
    expect(linesAfter((doc) => deletePath(doc, ['debrief', 'line', 0, 'proposal', 'tone']))).toEqual([
      'debrief.line[0].proposal.tone: missing: expected one of "conciliatory", "firm", "belligerent"',
    ]);
    expect(linesAfter((doc) => deletePath(doc, ['events', 0, 'trigger', 'kind']))).toEqual([
      'events[0].trigger.kind: missing: expected one of "scripted", "conditional"',
    ]);
    expect(linesAfter((doc) => deletePath(doc, ['escalation', 'tone']))).toEqual(['escalation.tone: missing: expected an object']);
  });

  it('a list too short or too long: expected at least / at most N items', () => {
    expect(linesAfter((doc) => setPath(doc, ['personas'], [])).filter((line) => line.startsWith('personas:'))).toEqual([
      'personas: expected at least 2 items',
    ]);
    expect(
      linesAfter((doc) =>
        setPath(
          doc,
          ['debrief', 'questions'],
          Array.from({ length: 21 }, () => 'Why?'),
        ),
      ),
    ).toEqual(['debrief.questions: expected at most 20 items']);
  });

  it('a misspelt key: unknown key, with the keys the object takes', () => {
    expect(linesAfter((doc) => setPath(doc, ['postureMoves', 0, 'effects', 'sides'], { ru: { levrage: 5 } }))).toEqual([
      'postureMoves[0].effects.sides.ru: unknown key "levrage": expected one of "leverage", "standing", "credibility", "cohesion", "forces"',
    ]);
    expect(linesAfter((doc) => setPath(doc, ['riskk'], 1))).toEqual([
      '(document): unknown key "riskk": expected one of "$schema", "meta", "sides", "tracks", "rounds", "postureMoves", "escalation", "linkage", "privateRedLines", "events", "quotes", "personas", "scoring", "glossary", "debrief", "map", "tests"',
    ]);
  });

  it('a field of several forms: what each form expects, in one sentence', () => {
    const parsed = validate(expectationsFileSchema, {
      tests: [{ kind: 'scripted', name: 'x', side: 'ru', offer: { positions: { missiles: 5 } }, expect: { answers: ['reject'] } }],
    });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)).toEqual([
      'expected "*" or position id as text or a list',
    ]);
  });

  it('a document that is not an object keeps its own message', () => {
    expect(problemLines(loadScenarioText('[]'))).toEqual([
      '(document): expected a scenario: a JSON object with meta, sides, tracks, rounds and the rest',
    ]);
  });
});

describe('whatever is broken, the wording is the same', () => {
  const doc = genevaDoc();
  const paths = allPaths(doc).filter((path) => path.length > 0);

  it('any field of Geneva set to any JSON value, or removed, gives only schema problems in the one wording', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.option(fc.jsonValue(), { nil: undefined }), (path, value) => {
        const edited = structuredClone(doc);
        if (value === undefined) deletePath(edited, path);
        else setPath(edited, path, value as Json);
        const parsed = validate(scenarioSchema, edited);
        for (const issue of parsed.success ? [] : parsed.error.issues) expect(issue.message).toMatch(ONE_WORDING);
      }),
      fuzzRuns(300),
    );
  });

  it('the scenario-test format too', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (tests) => {
        const parsed = validate(expectationsFileSchema, { tests: [tests] });
        for (const issue of parsed.success ? [] : parsed.error.issues) expect(issue.message).toMatch(ONE_WORDING);
      }),
      fuzzRuns(200),
    );
  });
});
