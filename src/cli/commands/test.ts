/**
 * `red-lines scenario test FILE [--expectations FILE] [--json]`: runs the scenario's own tests and
 * those of an expectations file with the engine and bots, and prints each case with ✓ or ✗, and
 * for a failing case what happened, why it must hold, and the AI's reasons. Exit 0 when every case
 * holds (or there is nothing to test), 1 when one fails or the tests are invalid, 2 when a file
 * cannot be read or parsed.
 */
import { existsSync } from 'node:fs';
import { formatOf, parseDocumentText } from '../../engine/scenario/formats.ts';
import { formatPath, formatProblem, type Problem } from '../../engine/scenario/problems.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { checkExpectations, checkScenarioTests } from '../../engine/scenario-tests/load.ts';
import type { CaseResult } from '../../engine/scenario-tests/result.ts';
import { runTestCases } from '../../engine/scenario-tests/run.ts';
import type { TestCase } from '../../engine/scenario-tests/schema.ts';
import { EXIT, type Io } from '../io.ts';
import { loadScenarioFile } from '../load-scenario-file.ts';
import { readDocument } from '../read-document.ts';

export interface TestOptions {
  expectations: string | null;
  json: boolean;
}

interface TestSet {
  /** Where the cases come from: the scenario file or the expectations file. */
  source: 'scenario' | 'expectations';
  file: string;
  cases: TestCase[];
}

function reportProblems(io: Io, what: string, problems: readonly Problem[]): number {
  io.err(`${what} (${problems.length} problem${problems.length === 1 ? '' : 's'}):`);
  for (const problem of problems) io.err(`  ${formatProblem(problem)}`);
  return EXIT.invalid;
}

/** Reads and checks an expectations file: exit 2 when unreadable or unparseable, 1 when invalid. */
async function loadExpectations(path: string, scenario: Scenario, io: Io): Promise<TestCase[] | number> {
  const read = await readDocument(path);
  if (!read.ok) {
    io.err(read.reason);
    return EXIT.unusable;
  }
  const parsed = parseDocumentText(read.text, formatOf(path, read.text));
  if (!parsed.ok) {
    io.err(`${path}: ${parsed.problems[0]!.message}`);
    return EXIT.unusable;
  }
  const checked = checkExpectations(parsed.value, scenario);
  if (!checked.ok) return reportProblems(io, `${path} are not valid scenario tests`, checked.problems);
  return checked.value.tests;
}

function printCase(io: Io, result: CaseResult): void {
  if (result.holds) {
    io.out(`✓ ${result.name} — ${result.summary}`);
    return;
  }
  io.out(`✗ ${result.name}`);
  for (const failure of result.failures) io.out(`    ${failure}`);
  // Statistical and ordering failures already give the figures observed; the others add the tally.
  if (result.kind === 'scripted' || result.kind === 'history') io.out(`    what happened: ${result.summary}`);
  if (result.why) io.out(`    why it must hold: ${result.why}`);
  if (result.reasons.length > 0) {
    io.out("    the AI's reasons:");
    for (const reason of result.reasons) io.out(`      ${reason}`);
  }
}

/** The tests file kept beside a scenario, by convention: `NAME.tests.yaml` (or .yml, .json) for `NAME.json`. */
export function siblingExpectations(path: string): string | null {
  const base = path.replace(/\.(json|ya?ml)$/i, '');
  return ['.tests.yaml', '.tests.yml', '.tests.json'].map((ending) => base + ending).find((candidate) => existsSync(candidate)) ?? null;
}

export async function testCommand(path: string, given: TestOptions, io: Io): Promise<number> {
  const options = { ...given, expectations: given.expectations ?? siblingExpectations(path) };
  const loaded = await loadScenarioFile(path, io);
  if (!loaded.ok) return loaded.exit;
  const { scenario } = loaded;
  const own = checkScenarioTests(scenario);
  if (own.length > 0) return reportProblems(io, `${path}: the scenario's tests are not valid`, own);
  const sets: TestSet[] = [];
  if (scenario.tests && scenario.tests.length > 0) sets.push({ source: 'scenario', file: path, cases: scenario.tests });
  if (options.expectations !== null) {
    const cases = await loadExpectations(options.expectations, scenario, io);
    if (typeof cases === 'number') return cases;
    sets.push({ source: 'expectations', file: options.expectations, cases });
  }
  const title = `"${scenario.meta.title}" (${scenario.meta.id} ${scenario.meta.version})`;
  if (sets.length === 0) {
    const message = `${path}: no scenario tests, nothing to check (add a tests list to the scenario, keep them beside it in a .tests.yaml file, or name a file with --expectations FILE)`;
    if (options.json)
      io.out(JSON.stringify({ scenario: scenarioInfo(path, scenario), ok: true, held: 0, failed: 0, cases: [], message }, null, 2));
    else io.out(message);
    return EXIT.ok;
  }

  const results = sets.map((set) => ({ set, results: runTestCases(scenario, set.cases, ['tests']) }));
  const all = results.flatMap((entry) => entry.results);
  const failed = all.filter((result) => !result.holds).length;
  if (options.json) {
    const cases = results.flatMap(({ set, results: list }) =>
      list.map((result, index) => ({ source: set.source, file: set.file, path: formatPath(['tests', index]), ...result })),
    );
    io.out(
      JSON.stringify(
        {
          scenario: scenarioInfo(path, scenario),
          expectations: options.expectations,
          ok: failed === 0,
          held: all.length - failed,
          failed,
          cases,
        },
        null,
        2,
      ),
    );
    return failed === 0 ? EXIT.ok : EXIT.invalid;
  }
  io.out(`Scenario tests for ${title}`);
  for (const { set, results: list } of results) {
    io.out('');
    io.out(`${set.source === 'scenario' ? 'From the scenario' : 'From'} ${set.file} (${list.length} case${list.length === 1 ? '' : 's'}):`);
    for (const result of list) printCase(io, result);
  }
  io.out('');
  io.out(
    failed === 0
      ? `All ${all.length} cases hold.`
      : `${all.length - failed} of ${all.length} cases hold; ${failed} fail${failed === 1 ? 's' : ''}.`,
  );
  return failed === 0 ? EXIT.ok : EXIT.invalid;
}

function scenarioInfo(path: string, scenario: Scenario) {
  return { file: path, id: scenario.meta.id, title: scenario.meta.title, version: scenario.meta.version };
}
