/** Reads and validates a scenario file for a command, reporting problems the way `check` does. */
import { decodeScenarioBytes, formatOf, parseDocumentText, type DocumentFormat } from '../engine/scenario/formats.ts';
import { inspectScenario } from '../engine/scenario/load.ts';
import { countProblems, formatProblem } from '../engine/scenario/problems.ts';
import type { Scenario } from '../engine/scenario/schema.ts';
import { EXIT, type Io } from './io.ts';
import { readBytes } from './read-document.ts';

export type ScenarioFile = { ok: true; scenario: Scenario; text: string; format: DocumentFormat } | { ok: false; exit: number };

/** A syntax error means the file cannot be parsed at all (exit 2); anything else is invalid (exit 1). */
export async function loadScenarioFile(path: string, io: Io): Promise<ScenarioFile> {
  const read = await readBytes(path);
  if (!read.ok) {
    io.err(read.reason);
    return { ok: false, exit: EXIT.unusable };
  }
  const text = decodeScenarioBytes(read.bytes);
  if (!text.ok) {
    io.err(`${path}: ${text.problems[0]!.message}`);
    return { ok: false, exit: EXIT.unusable };
  }
  const format = formatOf(path, text.value);
  const parsed = parseDocumentText(text.value, format);
  if (!parsed.ok) {
    io.err(`${path}: ${parsed.problems[0]!.message}`);
    return { ok: false, exit: EXIT.unusable };
  }
  const checked = inspectScenario(parsed.value);
  if (checked.ok) return { ok: true, scenario: checked.value, text: text.value, format };
  io.err(`${path} is not a valid scenario (${countProblems(checked.problems)}):`);
  for (const problem of checked.problems) io.err(`  ${formatProblem(problem)}`);
  return { ok: false, exit: EXIT.invalid };
}
