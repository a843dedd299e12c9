/** The JSON Schema of an expectations file (scenario tests beside a scenario), generated from the Zod schema. */
import { z } from 'zod';
import { expectationsFileSchema } from './schema.ts';

export const EXPECTATIONS_SCHEMA_FILE = 'scenarios/expectations.schema.json';

export function expectationsJsonSchema(): Record<string, unknown> {
  // Authors write the input side of the schema: fields with defaults may be left out.
  const schema = z.toJSONSchema(expectationsFileSchema, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, $id: 'https://red-lines.invalid/expectations.schema.json', title: 'Red Lines scenario tests' };
}

export function expectationsJsonSchemaText(): string {
  return `${JSON.stringify(expectationsJsonSchema(), null, 2)}\n`;
}
