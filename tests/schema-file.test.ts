import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, scenarioJsonSchemaText } from '../src/engine/scenario/json-schema.ts';
import { EXPECTATIONS_SCHEMA_FILE, expectationsJsonSchemaText } from '../src/engine/scenario-tests/json-schema.ts';
import { APP_VERSION } from '../src/engine/version.ts';

describe('generated files', () => {
  it('the committed JSON Schema matches the Zod schema (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(new URL(`../${SCHEMA_FILE}`, import.meta.url), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('the committed JSON Schema of expectations files matches the Zod schema (run `npm run schema` after changing it)', async () => {
    const url = new URL(`../${EXPECTATIONS_SCHEMA_FILE}`, import.meta.url);
    const committed = readFileSync(url, 'utf8');
    // The file is laid out by Prettier, as scripts/write-schema.ts writes it.
    const expected = await format(expectationsJsonSchemaText(), { ...(await resolveConfig(url)), filepath: url.pathname });
    expect(committed).toBe(expected);
    expect(JSON.parse(committed)).toEqual(JSON.parse(expectationsJsonSchemaText()));
  });

  it.each([
    ['scenario', scenarioJsonSchemaText],
    ['expectations', expectationsJsonSchemaText],
  ])('every property in the %s JSON Schema has a description', (_name, text) => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      for (const [key, value] of Object.entries((schema.properties as Record<string, Record<string, unknown>>) ?? {})) {
        if (!value.description) missing.push(`${path}.${key}`);
        walk(value, `${path}.${key}`);
      }
      walk(schema.items, `${path}[]`);
      walk(schema.additionalProperties, `${path}{}`);
      for (const key of ['anyOf', 'oneOf'] as const) (schema[key] as unknown[] | undefined)?.forEach((item) => walk(item, path));
    };
    walk(JSON.parse(text()), '');
    expect(missing).toEqual([]);
  });

  it('the version written into sessions is the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
