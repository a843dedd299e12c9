/** The JSON Schema of the scenario format, generated from the one Zod schema. */
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

export const SCHEMA_FILE = 'scenarios/scenario.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  // Authors write the input side of the schema: fields with defaults may be left out.
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, $id: 'https://red-lines.invalid/scenario.schema.json', title: 'Red Lines scenario' };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
