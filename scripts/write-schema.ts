// Writes scenarios/scenario.schema.json from the Zod schema (npm run schema). A test fails when
// the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, scenarioJsonSchemaText } from '../src/engine/scenario/json-schema.ts';

writeFileSync(new URL(`../${SCHEMA_FILE}`, import.meta.url), scenarioJsonSchemaText());
console.log(`wrote ${SCHEMA_FILE}`);
