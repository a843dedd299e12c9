/**
 * Reads an untrusted scenario: text → JSON → schema → cross-references. Never throws; every
 * problem is returned with its path (or, for a syntax error, its line and column).
 */
import type { z } from 'zod';
import { parseJsonText } from '../json-text.ts';
import type { Checked, Problem } from './problems.ts';
import { checkReferences } from './references.ts';
import { scenarioSchema, type Scenario } from './schema.ts';

export function problemsFromZod(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
}

/** Validates a value already parsed from JSON (or YAML). */
export function checkScenario(value: unknown): Checked<Scenario> {
  const parsed = scenarioSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const problems = checkReferences(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** Parses and validates scenario text. */
export function loadScenarioText(text: string): Checked<Scenario> {
  const parsed = parseJsonText(text);
  return parsed.ok ? checkScenario(parsed.value) : parsed;
}
