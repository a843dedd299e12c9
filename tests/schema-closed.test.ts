/**
 * Every object of the scenario format is closed: a key it does not define (a misspelling, a key
 * indented one level too deep) is a problem at that object's path, in the command line's loader
 * and the browser's, and the JSON Schema says `additionalProperties: false` for editors. Records
 * keyed by id (per-side values, agreed positions) take any id as a key and are not closed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseDocumentText } from '../src/engine/scenario/formats.ts';
import { inspectScenario, loadScenarioDocument } from '../src/engine/scenario/load.ts';
import { formatPath, type Checked } from '../src/engine/scenario/problems.ts';
import { scenarioSchema } from '../src/engine/scenario/schema.ts';
import { expectationsFileSchema } from '../src/engine/scenario-tests/schema.ts';
import { getPath, ROOT, type Json, type JsonObject, type JsonPath } from './helpers.ts';
import { fuzzRuns } from './fuzz-values.ts';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
};
const def = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every object with fixed keys in a document, found by walking the Zod schema along it; with the schema of each. */
function objectPaths(schema: z.ZodType, value: unknown, path: JsonPath = [], found: { path: JsonPath; schema: z.ZodType }[] = []) {
  const d = def(schema);
  if (d.innerType) return objectPaths(d.innerType, value, path, found);
  if (d.type === 'pipe' && d.in) return objectPaths(d.in, value, path, found);
  if (d.type === 'object' && d.shape && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    found.push({ path, schema });
    for (const [key, item] of Object.entries(value)) if (d.shape[key]) objectPaths(d.shape[key], item, [...path, key], found);
  }
  if (d.type === 'record' && d.valueType && typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) objectPaths(d.valueType, item, [...path, key], found);
  }
  if (d.type === 'array' && d.element && Array.isArray(value))
    value.forEach((item, i) => objectPaths(d.element!, item, [...path, i], found));
  if (d.type === 'union' && d.options && d.discriminator && typeof value === 'object' && value !== null) {
    const kind = (value as Record<string, unknown>)[d.discriminator];
    const option = d.options.find((item) => {
      const field = def(item).shape?.[d.discriminator!];
      return field !== undefined && (def(field) as { values?: unknown[] }).values?.includes(kind);
    });
    if (option) objectPaths(option, value, path, found);
  }
  return found;
}

/** Every object schema with fixed keys in a Zod schema, whether a document uses it or not. */
function objectSchemas(schema: z.ZodType, seen = new Set<z.ZodType>()): Set<z.ZodType> {
  const d = def(schema);
  const children = [d.innerType, d.in, d.valueType, d.element, ...(d.options ?? []), ...Object.values(d.shape ?? {})];
  if (d.type === 'object' && !seen.has(schema)) seen.add(schema);
  for (const child of children) if (child) objectSchemas(child, seen);
  return seen;
}

const folder = join(ROOT, 'scenarios');
/** The bundled scenarios, each with the tests of its expectations file embedded (a scenario may hold its own tests). */
const bundled = readdirSync(folder)
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .map((name) => {
    const doc = JSON.parse(readFileSync(join(folder, name), 'utf8')) as JsonObject;
    const testsFile = join(folder, name.replace(/\.json$/, '.tests.yaml'));
    if (!existsSync(testsFile)) return { name, doc };
    const expectations = parseDocumentText(readFileSync(testsFile, 'utf8'), 'yaml');
    if (expectations.ok) doc.tests = (expectations.value as JsonObject).tests as Json;
    return { name, doc };
  });
/** Test cases that reach the objects of the test format no bundled test uses: a scripted line with a counter and a reply, every share. */
const range = () => ({ min: 0, max: 100 });
const everyField: Json = [
  {
    kind: 'scripted',
    name: 'every object of a scripted case',
    side: 'ru',
    line: [
      {
        round: 'geneva',
        proposal: { positions: { enlargement: 'open-door' } },
        response: { kind: 'counter', counter: { enlargement: 'binding-no' } },
        reply: { kind: 'reject' },
      },
    ],
    offer: { positions: { enlargement: 'open-door' } },
    expect: { answers: ['reject'] },
  },
  {
    kind: 'statistical',
    name: 'every range of a statistical case',
    side: 'us',
    policy: 'hawk',
    expect: {
      shares: Object.fromEntries(
        ['agreement', 'partial-deal', 'stalemate', 'walkout', 'war', 'deal', 'no-deal', 'brink', 'brink-or-war'].map((key) => [
          key,
          range(),
        ]),
      ),
      meanRounds: { min: 0, max: 12 },
      meanFinalRisk: range(),
    },
  },
  { kind: 'history', name: 'every range of a history case', expect: { finalRisk: range() } },
];
const genevaEveryField = structuredClone(bundled.find((item) => item.name === 'geneva-2022.json')!.doc);
genevaEveryField.tests = everyField;
(genevaEveryField.map as JsonObject).frame = { west: -10, south: 35, east: 45, north: 70 };
bundled.push({ name: 'geneva-2022.json with every optional object', doc: genevaEveryField });

const cases = bundled.flatMap(({ name, doc }) => objectPaths(scenarioSchema, doc).map((item) => ({ name, doc, ...item })));

/** The CLI reads text, parses it, and checks the value; the browser does the same in one call. */
const viaCli = (text: string): Checked<unknown> => {
  const parsed = parseDocumentText(text, 'json');
  return parsed.ok ? inspectScenario(parsed.value) : parsed;
};
const viaBrowser = (text: string): Checked<unknown> => loadScenarioDocument(text, 'edited.json');

/** Keys that mean nothing to an object: not one of its own, and not a prototype key (those are dropped silently). */
const extraKey = (known: readonly string[]) =>
  fc
    .string({ minLength: 1, maxLength: 12 })
    .filter((key) => !known.includes(key) && !['__proto__', 'constructor', 'prototype'].includes(key));

describe('every object is closed', () => {
  it('the documents tried reach every object of the format', () => {
    const reached = new Set(cases.map((item) => item.schema));
    const unreached = [...objectSchemas(scenarioSchema)].filter((schema) => !reached.has(schema));
    expect(unreached.map((schema) => Object.keys(def(schema).shape ?? {}).join(', '))).toEqual([]);
  });

  it('an extra key at any object path is a problem at exactly that path, in the CLI and the browser', () => {
    fc.assert(
      fc.property(
        // Cases by index, so that a counterexample prints short: the file and the path are named in the assertion.
        fc.nat({ max: cases.length - 1 }).chain((index) =>
          fc.record({
            index: fc.constant(index),
            key: extraKey(Object.keys(def(cases[index]!.schema).shape ?? {})),
            value: fc.jsonValue(),
          }),
        ),
        ({ index, key, value }) => {
          const item = cases[index]!;
          const doc = structuredClone(item.doc);
          (getPath(doc, item.path) as Record<string, Json>)[key] = value as Json;
          const text = JSON.stringify(doc);
          for (const result of [viaCli(text), viaBrowser(text)]) {
            expect(result.ok).toBe(false);
            const problems = result.ok ? [] : result.problems.filter((problem) => !problem.warning);
            const unknown = problems.filter((problem) =>
              problem.message.startsWith(`unknown key ${JSON.stringify(key)}: expected one of `),
            );
            expect(
              unknown.map((problem) => formatPath(problem.path)),
              `${item.name}: ${formatPath(item.path)}`,
            ).toEqual([formatPath(item.path)]);
            // Nothing else is wrong with the file: the extra key is the only problem.
            expect(problems).toHaveLength(1);
          }
        },
      ),
      fuzzRuns(60),
    );
  });

  it('every object with properties in the JSON Schemas has additionalProperties false; records keep a schema for their values', () => {
    for (const file of ['scenario.schema.json', 'expectations.schema.json']) {
      const schema = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Json;
      const open: string[] = [];
      let closed = 0;
      const walk = (node: Json, at: string) => {
        if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${at}/${i}`));
        else if (typeof node === 'object' && node !== null) {
          if (node.type === 'object' && node.properties !== undefined) {
            if (node.additionalProperties === false) closed++;
            else open.push(at);
          }
          for (const [key, item] of Object.entries(node)) walk(item, `${at}/${key}`);
        }
      };
      walk(schema, '#');
      expect(open, file).toEqual([]);
      expect(closed).toBeGreaterThan(file === 'scenario.schema.json' ? 30 : 10);
    }
    // Both variants of an event's trigger are closed: "probability" indented into a trigger is refused.
    const scenario = JSON.parse(readFileSync(join(folder, 'scenario.schema.json'), 'utf8')) as JsonObject;
    const text = JSON.stringify(scenario);
    expect(text).toContain('"const":"scripted"');
    expect(objectSchemas(expectationsFileSchema).size).toBeGreaterThan(10);
  });
});
