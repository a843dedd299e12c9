/** Reads and validates a scenario file for a command, reporting problems the way `check` does. */
import { formatOf, parseDocumentText, type DocumentFormat } from '../engine/scenario/formats.ts';
import { checkScenario } from '../engine/scenario/load.ts';
import { countProblems, formatProblem } from '../engine/scenario/problems.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import { EXIT, type Io } from './io.ts';
import { readDocument } from './read-document.ts';

export type ScenarioFile = { ok: true; scenario: Scenario; text: string; format: DocumentFormat } | { ok: false; exit: number };

/** A syntax error means the file cannot be parsed at all (exit 2); anything else is invalid (exit 1). */
export async function loadScenarioFile(path: string, io: Io): Promise<ScenarioFile> {
  const read = await readDocument(path);
  if (!read.ok) {
    io.err(read.reason);
    return { ok: false, exit: EXIT.unusable };
  }
  const format = formatOf(path, read.text);
  const parsed = parseDocumentText(read.text, format);
  if (!parsed.ok) {
    io.err(`${path}: ${parsed.problems[0]!.message}`);
    return { ok: false, exit: EXIT.unusable };
  }
  const checked = checkScenario(parsed.value);
  if (checked.ok) return { ok: true, scenario: checked.value, text: read.text, format };
  io.err(`${path} is not a valid scenario (${countProblems(checked.problems)}):`);
  for (const problem of checked.problems) io.err(`  ${formatProblem(problem)}`);
  return { ok: false, exit: EXIT.invalid };
}
