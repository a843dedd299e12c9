/**
 * Reads scenario tests: a scenario's own `tests` list (already validated with the scenario) or an
 * untrusted expectations file (JSON or YAML). Never throws: every problem comes back with its path,
 * after the schema's checks and then the references to the scenario.
 */
import { parseDocumentText, formatOf } from '../scenario/formats.ts';
import { problemsFromZod, withoutPrototypeKeys } from '../scenario/load.ts';
import { validate } from '../scenario/schema-helpers.ts';
import type { Checked, Problem } from '../scenario/problems.ts';
import type { Scenario } from '../scenario/schema.ts';
import { checkTestReferences } from './references.ts';
import { expectationsFileSchema, type ExpectationsFile } from './schema.ts';

/** Problems in the references of a scenario's own tests (paths start at `tests`). */
export function checkScenarioTests(scenario: Scenario): Problem[] {
  return scenario.tests ? checkTestReferences(scenario, scenario.tests, ['tests']) : [];
}

/** Validates an expectations document already parsed from JSON or YAML, against the scenario it is for. */
export function checkExpectations(value: unknown, scenario: Scenario): Checked<ExpectationsFile> {
  const parsed = validate(expectationsFileSchema, withoutPrototypeKeys(value));
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const problems: Problem[] = [];
  if (parsed.data.scenario !== undefined && parsed.data.scenario !== scenario.meta.id) {
    problems.push({ path: ['scenario'], message: `these tests are for "${parsed.data.scenario}", not "${scenario.meta.id}"` });
  }
  problems.push(...checkTestReferences(scenario, parsed.data.tests, ['tests']));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** Parses and validates an expectations file's text; a syntax error is the only problem, with its line and column. */
export function loadExpectationsText(
  text: string,
  fileName: string,
  scenario: Scenario,
): { parsed: boolean; checked: Checked<ExpectationsFile> } {
  const parsed = parseDocumentText(text, formatOf(fileName, text));
  if (!parsed.ok) return { parsed: false, checked: parsed };
  return { parsed: true, checked: checkExpectations(parsed.value, scenario) };
}
