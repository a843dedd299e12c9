/** The JSON Schema of an expectations file (scenario tests beside a scenario), generated from the Zod schema. */
import { jsonSchemaDocument, jsonSchemaText } from '../scenario/json-schema.ts';
import { expectationsFileSchema } from './schema.ts';

export const EXPECTATIONS_SCHEMA_FILE = 'scenarios/expectations.schema.json';

export function expectationsJsonSchema(): Record<string, unknown> {
  return jsonSchemaDocument(expectationsFileSchema, 'https://red-lines.invalid/expectations.schema.json', 'Red Lines scenario tests');
}

export function expectationsJsonSchemaText(): string {
  return jsonSchemaText(expectationsJsonSchema());
}
