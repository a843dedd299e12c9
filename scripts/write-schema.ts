// Writes scenarios/scenario.schema.json and scenarios/expectations.schema.json from the Zod schemas
// (npm run schema). A test fails when a committed file is out of date. The expectations schema is
// laid out by Prettier, like the rest of the repository (tests/schema-file.test.ts does the same).
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { SCHEMA_FILE, scenarioJsonSchemaText } from '../src/engine/scenario/json-schema.ts';
import { EXPECTATIONS_SCHEMA_FILE, expectationsJsonSchemaText } from '../src/engine/scenario-tests/json-schema.ts';

const expectationsPath = new URL(`../${EXPECTATIONS_SCHEMA_FILE}`, import.meta.url);
const expectations = await format(expectationsJsonSchemaText(), {
  ...(await resolveConfig(expectationsPath)),
  filepath: expectationsPath.pathname,
});

for (const [file, text] of [
  [SCHEMA_FILE, scenarioJsonSchemaText()],
  [EXPECTATIONS_SCHEMA_FILE, expectations],
] as const) {
  writeFileSync(new URL(`../${file}`, import.meta.url), text);
  console.log(`wrote ${file}`);
}
