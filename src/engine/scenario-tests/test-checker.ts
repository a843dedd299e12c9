/**
 * The lookups scenario tests need on top of the scenario's own (`scenario/reference-checker.ts`):
 * a persona of the right side, a package a side may table, and a posture move of the right side.
 */
import { isRedLine } from '../rules/world.ts';
import type { Path, ReferenceChecker } from '../scenario/reference-checker.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface TestChecker extends ReferenceChecker {
  persona(value: string, ofSide: string, at: Path): void;
  /** A package tabled by `by`: known tracks and positions, none of them its own red line. */
  tabled(positions: Record<string, string>, by: string | null, at: Path): void;
  /** Lists of positions by track, each known. */
  lists(positions: Record<string, string[]> | undefined, at: Path): void;
  tracks(values: readonly string[] | undefined, at: Path): void;
  /** A posture move made by `by`, or none. */
  moveBy(moveId: string | null, by: string | null, at: Path): void;
}

export function testChecker(scenario: Scenario, check: ReferenceChecker): TestChecker {
  const { report } = check;
  return {
    ...check,
    persona(value, ofSide, at) {
      const found = scenario.personas.find((item) => item.id === value);
      if (!found) report(at, `unknown persona "${value}"`);
      else if (found.side !== ofSide) report(at, `persona "${value}" plays "${found.side}", not "${ofSide}"`);
    },
    tabled(positions, by, at) {
      for (const [trackId, positionId] of Object.entries(positions)) {
        const item = check.track(trackId, [...at, trackId]);
        if (item && check.position(item, positionId, [...at, trackId]) && by !== null && isRedLine(item, by, positionId)) {
          report([...at, trackId], `"${positionId}" is a red line of "${by}": it cannot table it`);
        }
      }
    },
    lists(positions, at) {
      for (const [trackId, values] of Object.entries(positions ?? {})) {
        const item = check.track(trackId, [...at, trackId]);
        if (item) values.forEach((positionId, i) => check.position(item, positionId, [...at, trackId, i]));
      }
    },
    tracks: (values, at) => values?.forEach((trackId, i) => check.track(trackId, [...at, i])),
    moveBy(moveId, by, at) {
      if (moveId === null) return;
      const found = check.move(moveId, at);
      if (found && by !== null && found.side !== by) report(at, `move "${moveId}" belongs to "${found.side}", not "${by}"`);
    },
  };
}
