/** `red-lines scenario check FILE`: validates a scenario and prints a short summary. */
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
  io.out(`  tracks: ${scenario.tracks.map((track) => `${track.name} (${track.positions.length} positions)`).join(', ')}`);
  io.out(`  rounds: ${scenario.rounds.length} — ${scenario.rounds.map((round) => round.venue).join(', ')}`);
  io.out(
    `  posture moves: ${scenario.postureMoves.length}; events: ${scenario.events.length}; quotes: ${scenario.quotes.length}; personas: ${personas.join(', ')}`,
  );
  io.out(`  sources: ${scenario.meta.sources.length}`);
  return EXIT.ok;
}
