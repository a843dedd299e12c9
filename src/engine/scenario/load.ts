/**
 * Reads an untrusted scenario: text → JSON or YAML → schema → cross-references. Never throws; every
 * problem is returned with its path (or, for a syntax error, its line and column).
 */
import type { z } from 'zod';
import { formatOf, parseDocumentText, type DocumentFormat } from './formats.ts';
import { fileWarnings, lintScenario } from './lint.ts';
import { asWarnings, formatPath, type Checked, type Problem } from './problems.ts';
import { checkReferences } from './references.ts';
import { salvage } from './salvage.ts';
import { validate } from './schema-helpers.ts';
import { scenarioSchema, type Scenario, type ScenarioInput } from './schema.ts';

export function problemsFromZod(error: z.ZodError): Problem[] {
  const problems = error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
    wrongType: issue.code === 'invalid_type',
  }));
  // A value of the wrong type has no other problem: Zod may still measure a text against a list's length.
  const wrongType = new Set(problems.filter((problem) => problem.wrongType).map((problem) => formatPath(problem.path)));
  return problems
    .filter((problem) => problem.wrongType || !wrongType.has(formatPath(problem.path)))
    .map(({ path, message }) => ({ path, message }));
}

/** Keys that name JavaScript's object machinery: they are dropped wherever they appear, so they do nothing. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A copy of a parsed document without prototype keys, made without recursion (documents are depth-limited). */
export function withoutPrototypeKeys(value: unknown): unknown {
  const copy = (item: unknown): unknown =>
    Array.isArray(item) ? item.slice() : typeof item === 'object' && item !== null ? { ...item } : item;
  const root = copy(value);
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const item = stack.pop() as Record<string, unknown> | unknown[];
    if (typeof item !== 'object' || item === null) continue;
    for (const key of Object.keys(item)) {
      if (!Array.isArray(item) && PROTOTYPE_KEYS.has(key)) {
        delete item[key];
        continue;
      }
      const child = copy((item as Record<string, unknown>)[key]);
      (item as Record<string, unknown>)[key] = child;
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return root;
}

/** Validates a value already parsed from JSON (or YAML). Unknown keys are problems, so typos show up. */
export function checkScenario(value: unknown): Checked<Scenario> {
  const parsed = validate(scenarioSchema, withoutPrototypeKeys(value));
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const problems = checkReferences(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/**
 * `checkScenario` for an author, who wants everything in one go: a file that fails gets its schema
 * problems, then the reference problems and the warnings of what is left once the parts that
 * failed are set aside (`salvage.ts`), less those that only follow from a problem already listed.
 * What `scenario check` and the browser's loader use; a valid file costs no more than with `checkScenario`.
 */
export function inspectScenario(value: unknown): Checked<Scenario> {
  const document = withoutPrototypeKeys(value);
  const parsed = validate(scenarioSchema, document);
  if (parsed.success) {
    const problems = checkReferences(parsed.data);
    return problems.length > 0
      ? { ok: false, problems: withWarnings(problems, fileWarnings(parsed.data)) }
      : { ok: true, value: parsed.data };
  }
  const problems = problemsFromZod(parsed.error);
  const rest = salvage(scenarioSchema, document);
  if (!rest) return { ok: false, problems };
  const kept = (found: Problem[]) => found.flatMap((problem) => rest.original(problem) ?? []);
  const references = checkReferences(rest.value);
  // The historical line is played only on a scenario whose references hold and that means what was written.
  const warnings = references.length === 0 && rest.onlyUnknownKeys ? lintScenario(rest.value) : fileWarnings(rest.value);
  return { ok: false, problems: withWarnings([...problems, ...kept(references)], kept(warnings)) };
}

/** Problems, then the warnings not at the path of one of them (a warning there only repeats it). */
function withWarnings(problems: Problem[], warnings: Problem[]): Problem[] {
  const taken = new Set(problems.map((problem) => formatPath(problem.path)));
  return [...problems, ...asWarnings(warnings.filter((warning) => !taken.has(formatPath(warning.path))))];
}

/** Parses and validates scenario text (JSON unless told otherwise). */
export function loadScenarioText(text: string, format: DocumentFormat = 'json'): Checked<Scenario> {
  const parsed = parseDocumentText(text, format);
  return parsed.ok ? checkScenario(parsed.value) : parsed;
}

export interface LoadedScenario {
  scenario: Scenario;
  /** The document as written, kept so that sessions embed exactly what the author wrote. */
  source: ScenarioInput;
}

/**
 * Reads a scenario file of any supported format, named as the user named it: the path every
 * scenario from outside takes (file picker, drag and drop, links). A file with problems gets
 * everything in one go, as with `scenario check`.
 */
export function loadScenarioDocument(text: string, fileName: string): Checked<LoadedScenario> {
  const parsed = parseDocumentText(text, formatOf(fileName, text));
  if (!parsed.ok) return parsed;
  const checked = inspectScenario(parsed.value);
  return checked.ok ? { ok: true, value: { scenario: checked.value, source: parsed.value as ScenarioInput } } : checked;
}
