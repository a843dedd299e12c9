/** The JSON Schema of the scenario format, generated from the one Zod schema. */
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

export const SCHEMA_FILE = 'scenarios/scenario.schema.json';

/** The JSON Schema document of a Zod schema, named by its address and title. */
export function jsonSchemaDocument(schema: z.ZodType, $id: string, title: string): Record<string, unknown> {
  // Authors write the input side of the schema: fields with defaults may be left out.
  return { ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }), $id, title };
}

/** A JSON Schema document as the text of its file. */
export function jsonSchemaText(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function scenarioJsonSchema(): Record<string, unknown> {
  return jsonSchemaDocument(scenarioSchema, 'https://red-lines.invalid/scenario.schema.json', 'Red Lines scenario');
}

export function scenarioJsonSchemaText(): string {
  return jsonSchemaText(scenarioJsonSchema());
}
