import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, scenarioJsonSchemaText } from '../src/engine/scenario/json-schema.ts';
import { APP_VERSION } from '../src/engine/version.ts';

describe('generated files', () => {
  it('the committed JSON Schema matches the Zod schema (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(new URL(`../${SCHEMA_FILE}`, import.meta.url), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('every property in the JSON Schema has a description', () => {
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
    walk(JSON.parse(scenarioJsonSchemaText()), '');
    expect(missing).toEqual([]);
  });

  it('the version written into sessions is the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
