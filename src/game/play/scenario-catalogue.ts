/**
 * The bundled scenarios. They ship with the game but are still checked like any file, so a bad
 * edit to one shows up as a clear message rather than a broken game.
 */
import { checkScenario, type LoadedScenario } from '../../engine/scenario/load.ts';
import { formatProblem } from '../../engine/scenario/problems.ts';
import type { ScenarioInput } from '../../engine/scenario/schema.ts';

export interface CatalogueEntry extends LoadedScenario {
  /** Where a scenario loaded by the player came from (a file name or an address); null for bundled ones. */
  origin: string | null;
}

const bundled = import.meta.glob<ScenarioInput>(['../../../scenarios/*.json', '!../../../scenarios/*.schema.json'], {
  import: 'default',
});

/** The picker's order: the real talks first, then their counterfactual, then the earlier precedents, latest first. */
const ORDER = ['geneva-2022', 'counterfactual-2022', 'inf-1987', 'cuba-1962'];
const rank = (entry: CatalogueEntry) => {
  const index = ORDER.indexOf(entry.scenario.meta.id);
  return index < 0 ? ORDER.length : index;
};

export async function loadBundledScenarios(): Promise<{ entries: CatalogueEntry[]; problems: string[] }> {
  const entries: CatalogueEntry[] = [];
  const problems: string[] = [];
  for (const [path, load] of Object.entries(bundled).sort(([a], [b]) => a.localeCompare(b))) {
    const source = await load();
    const checked = checkScenario(source);
    if (checked.ok) entries.push({ scenario: checked.value, source, origin: null });
    else problems.push(`${path.split('/').pop()}: ${checked.problems.map(formatProblem).join('; ')}`);
  }
  entries.sort((a, b) => rank(a) - rank(b) || a.scenario.meta.title.localeCompare(b.scenario.meta.title));
  return { entries, problems };
}
