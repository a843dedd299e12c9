/** Runs scenario tests, each by its kind, in order. Pure: the same scenario and tests give the same results. */
import type { Scenario } from '../scenario/schema.ts';
import { runHistoryCase } from './history.ts';
import { runOrderingCase } from './ordering.ts';
import type { CaseResult } from './result.ts';
import type { TestCase } from './schema.ts';
import { runScriptedCase } from './scripted.ts';
import { runStatisticalCase } from './statistical.ts';

type Path = readonly (string | number)[];

/** Runs one case; `path` is where it sits in its document, for messages about its fields. */
export function runTestCase(scenario: Scenario, item: TestCase, path: Path): CaseResult {
  switch (item.kind) {
    case 'scripted':
      return runScriptedCase(scenario, item, path);
    case 'statistical':
      return runStatisticalCase(scenario, item);
    case 'ordering':
      return runOrderingCase(scenario, item);
    case 'history':
      return runHistoryCase(scenario, item);
  }
}

/** Runs a list of cases that sits at `base` in its document (e.g. ["tests"]). */
export function runTestCases(scenario: Scenario, cases: readonly TestCase[], base: Path = ['tests']): CaseResult[] {
  return cases.map((item, index) => runTestCase(scenario, item, [...base, index]));
}
