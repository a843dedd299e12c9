/**
 * `red-lines scenario check FILE`: validates a scenario (JSON or YAML), prints a short summary and
 * any warnings of meaning, the historical line's among them. A file with problems gets its schema
 * problems, reference problems and warnings listed together by the loader, in one run.
 */
import { lintScenario } from '../../engine/scenario/lint.ts';
import { formatProblem } from '../../engine/scenario/problems.ts';
import { EXIT, type Io } from '../io.ts';
import { loadScenarioFile } from '../load-scenario-file.ts';

export async function checkCommand(path: string, io: Io): Promise<number> {
  const loaded = await loadScenarioFile(path, io);
  if (!loaded.ok) return loaded.exit;
  const { scenario } = loaded;
  const personas = scenario.sides.map(
    (side) => `${scenario.personas.filter((persona) => persona.side === side.id).length} ${side.shortName}`,
  );
  io.out(`${path}: valid scenario "${scenario.meta.title}" (${scenario.meta.id} ${scenario.meta.version})`);
  io.out(`  sides: ${scenario.sides.map((side) => `${side.name} [${side.id}]`).join(' vs ')}`);
  // Names and venues may hold commas of their own ("Washington and Brussels: written replies"): one a line.
  io.out(`  tracks: ${scenario.tracks.length}`);
  for (const track of scenario.tracks) io.out(`    - ${track.name} (${track.positions.length} positions)`);
  io.out(`  rounds: ${scenario.rounds.length}`);
  scenario.rounds.forEach((round, r) => io.out(`    ${r + 1}. ${round.venue} (${round.date})`));
  io.out(
    `  posture moves: ${scenario.postureMoves.length}; events: ${scenario.events.length}; quotes: ${scenario.quotes.length}; personas: ${personas.join(', ')}`,
  );
  io.out(`  sources: ${scenario.meta.sources.length}`);
  const warnings = lintScenario(scenario);
  if (warnings.length > 0) {
    io.out(`${warnings.length} warning${warnings.length === 1 ? '' : 's'} (the scenario still loads and plays):`);
    for (const warning of warnings) io.out(`  warning: ${formatProblem(warning)}`);
  }
  return EXIT.ok;
}
