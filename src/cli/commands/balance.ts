/**
 * `red-lines scenario balance FILE [--games N] [--json]`: every bot policy against every AI
 * persona, for each side, N games each; outcome frequencies, mean final risk and
 * mean scores, and warnings for degenerate scenarios.
 */
import { balanceBySide, balancePlan, balanceWarnings } from '../../engine/simulation/balance.ts';
import { EXIT, type Io } from '../io.ts';
import { loadScenarioFile } from '../load-scenario-file.ts';
import { runSimulation } from '../simulation-job.ts';
import { simulationTable } from './simulate.ts';

export const MAX_GAMES_PER_MATCHUP = 100_000;

export async function balanceCommand(path: string, options: { games: number; json: boolean }, io: Io): Promise<number> {
  if (!Number.isInteger(options.games) || options.games < 1 || options.games > MAX_GAMES_PER_MATCHUP) {
    io.err(`--games: expected a whole number of games per matchup, from 1 to ${MAX_GAMES_PER_MATCHUP}`);
    return EXIT.unusable;
  }
  const loaded = await loadScenarioFile(path, io);
  if (!loaded.ok) return loaded.exit;
  const { scenario } = loaded;
  const plan = balancePlan(scenario);
  const games = runSimulation({
    scenarioText: loaded.text,
    format: loaded.format,
    spec: { seed: 1, matchups: plan, from: 0, to: plan.length * options.games },
    outDir: null,
  });
  const sides = balanceBySide(scenario, plan, games);
  const warnings = balanceWarnings(scenario, sides);
  if (options.json) {
    io.out(JSON.stringify({ scenario: scenario.meta.id, gamesPerMatchup: options.games, sides, warnings }, null, 2));
    return EXIT.ok;
  }
  io.out(`${scenario.meta.title}: balance over ${games.length} games (${options.games} per matchup, seeds 1–${games.length})`);
  for (const balance of sides) {
    const name = scenario.sides.find((side) => side.id === balance.side)!.name;
    io.out('');
    io.out(`Bots play ${name}:`);
    const rows = [
      ...balance.rows.map((row) => ({ label: [row.matchup.policy, row.matchup.persona] as [string, string], tally: row.tally })),
      { label: ['all', ''] as [string, string], tally: balance.total },
    ];
    for (const line of simulationTable(scenario, rows)) io.out(`  ${line}`);
  }
  io.out('');
  if (warnings.length === 0) {
    io.out(
      'No warnings: war is neither certain nor absent, no policy scores best against every persona, chance beats none, the personas end games differently, and games last several rounds.',
    );
  } else for (const warning of warnings) io.out(`warning: ${warning}`);
  return EXIT.ok;
}
