/**
 * The class view's check of each game's scenario against a reference the instructor chooses: by
 * default the bundled scenario with the game's scenario id, or one bundled scenario for every game,
 * or a scenario file the instructor loaded. A game's scenario matches it, differs from it (the
 * first few differing paths in words), or has none to be compared with. Pure, so it is tested
 * without a browser.
 */
import type { Scenario } from '../../engine/scenario/schema.ts';
import { formatDifference, scenarioDifferences } from '../../engine/session/scenario-diff.ts';

/** How many differing paths a row names before it counts the rest. */
export const SHOWN_DIFFERENCES = 3;
/** The reference chosen by default: for each game, the bundled scenario with its id. */
export const SAME_ID = 'same-id';
/** The choice of the scenario file the instructor loaded. */
export const LOADED_FILE = 'file';

export interface Reference {
  /** How the reference is named in the list of choices ("the bundled “Geneva 2022 — …”", "geneva-2022.yaml"). */
  name: string;
  /** How the rows name it, briefly ("bundled geneva-2022", "geneva-2022.yaml"). */
  short: string;
  scenario: Scenario;
}

/** The references to choose from: the bundled scenarios (in the picker's order) and the file loaded, if any. */
export interface References {
  bundled: Reference[];
  loaded: Reference | null;
}

/** A game's scenario against the reference: matches, differs (with the paths), or no reference to compare with. */
export type Comparison =
  { kind: 'matches'; reference: string } | { kind: 'differs'; reference: string; lines: string[] } | { kind: 'none'; why: string };

export function bundledReference(scenario: Scenario): Reference {
  return { name: `the bundled “${scenario.meta.title}”`, short: `bundled ${scenario.meta.id}`, scenario };
}

export function loadedReference(fileName: string, scenario: Scenario): Reference {
  return { name: fileName, short: fileName, scenario };
}

/** The list of choices, as `<option>` values and words: SAME_ID, "bundled:<index>" for each bundled scenario, LOADED_FILE. */
export function referenceChoices(references: References): { value: string; text: string }[] {
  return [
    { value: SAME_ID, text: 'the bundled scenario with the same id' },
    ...references.bundled.map((item, i) => ({ value: `bundled:${i}`, text: item.name })),
    ...(references.loaded ? [{ value: LOADED_FILE, text: references.loaded.name }] : []),
  ];
}

/** The reference a choice gives a game of this scenario, or why there is none. */
function referenceFor(choice: string, scenario: Scenario, references: References): Reference | { why: string } {
  if (choice === SAME_ID)
    return (
      references.bundled.find((item) => item.scenario.meta.id === scenario.meta.id) ?? {
        why: `no bundled scenario has the id “${scenario.meta.id}”: choose a reference`,
      }
    );
  const reference = choice === LOADED_FILE ? references.loaded : references.bundled[Number(choice.slice('bundled:'.length))];
  return reference ?? { why: 'no reference chosen' };
}

export function compareScenario(scenario: Scenario, choice: string, references: References): Comparison {
  const reference = referenceFor(choice, scenario, references);
  if ('why' in reference) return { kind: 'none', why: reference.why };
  const differences = scenarioDifferences(scenario, reference.scenario, SHOWN_DIFFERENCES + 1);
  if (differences.length === 0) return { kind: 'matches', reference: reference.short };
  const lines = differences.slice(0, SHOWN_DIFFERENCES).map((difference) => formatDifference(difference, 'the reference'));
  if (differences.length > SHOWN_DIFFERENCES) lines.push('… and more');
  return { kind: 'differs', reference: reference.short, lines };
}
