/**
 * Checks that scenario tests name things the scenario defines — sides, personas, tracks,
 * positions, rounds, posture moves — and that a scripted case's line and offer fit the
 * scenario's rounds (who proposes when). Each problem carries the path of the offending field,
 * as the scenario's own reference check does.
 */
import { otherSide } from '../rules/world.ts';
import { formatPath, type Problem } from '../scenario/problems.ts';
import { referenceChecker, type Path } from '../scenario/reference-checker.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { TestCase } from './schema.ts';
import { checkScripted } from './scripted-references.ts';
import { testChecker, type TestChecker } from './test-checker.ts';

export function checkTestReferences(scenario: Scenario, cases: readonly TestCase[], base: Path): Problem[] {
  const problems: Problem[] = [];
  const check = testChecker(
    scenario,
    referenceChecker(scenario, (path, message) => problems.push({ path, message })),
  );
  const seen = new Map<string, number>();
  cases.forEach((item, c) => {
    const at: Path = [...base, c];
    const earlier = seen.get(item.name);
    if (earlier !== undefined) check.report([...at, 'name'], `duplicate test name (also ${formatPath([...base, earlier])})`);
    else seen.set(item.name, c);
    checkCase(scenario, item, at, check);
  });
  return problems;
}

function checkCase(scenario: Scenario, item: TestCase, at: Path, check: TestChecker): void {
  switch (item.kind) {
    case 'scripted':
      checkScripted(scenario, item, at, check);
      break;
    case 'statistical': {
      if (!check.side(item.side, [...at, 'side'])) break;
      const aiSide = otherSide(scenario, item.side);
      const personas = item.persona === undefined ? [] : typeof item.persona === 'string' ? [item.persona] : item.persona;
      personas.forEach((value, i) =>
        check.persona(value, aiSide, typeof item.persona === 'string' ? [...at, 'persona'] : [...at, 'persona', i]),
      );
      break;
    }
    case 'ordering':
      if (item.side !== undefined) check.side(item.side, [...at, 'side']);
      check.tabled(item.better.agreed, null, [...at, 'better', 'agreed']);
      check.tabled(item.worse.agreed, null, [...at, 'worse', 'agreed']);
      break;
    case 'history':
      if (scenario.debrief.line.length === 0)
        check.report([...at, 'kind'], 'the scenario has no historical line of play (debrief.line is empty)');
      break;
  }
}
