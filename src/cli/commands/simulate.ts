/**
 * `red-lines simulate FILE [--games N] [--seed S] [--side ID] [--policy NAME] [--persona NAME]
 * [--json] [--out DIR]`: bots against AI personas; prints the distribution of outcomes, the mean
 * final risk and the mean scores, for every matchup and overall.
 */
import { isPolicyName, POLICY_NAMES, type PolicyName } from '../../engine/bots/policies.ts';
import { OUTCOME_KINDS, type OutcomeKind, type Scenario } from '../../engine/scenario/schema.ts';
import { matchups, tally, type GameSummary, type Matchup, type Tally } from '../../engine/simulation/batch.ts';
import { otherSide } from '../../engine/rules/world.ts';
import { EXIT, type Io } from '../io.ts';
import { loadScenarioFile } from '../load-scenario-file.ts';
import { runSimulation } from '../simulation-job.ts';

export interface SimulateOptions {
  games: number;
  seed: number;
  side: string | null;
  policy: string | null;
  persona: string | null;
  json: boolean;
  out: string | null;
}

export const MAX_GAMES = 1_000_000;

const percent = (count: number, games: number) => `${((100 * count) / Math.max(1, games)).toFixed(1)}%`;

function row(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
    .join('  ')
    .trimEnd();
}

export function simulationTable(scenario: Scenario, rows: { label: [string, string]; tally: Tally }[]): string[] {
  const sides = scenario.sides.map((side) => side.id);
  // A walk-out column per side: who walked out matters more than that someone did.
  const kinds = OUTCOME_KINDS.flatMap((kind): { kind: OutcomeKind; side: string | null }[] =>
    kind === 'walkout' ? sides.map((side) => ({ kind, side })) : [{ kind, side: null }],
  );
  const header = [
    'policy',
    'persona',
    'games',
    ...kinds.map(({ kind, side }) => (side ? `${side} walked out` : kind)),
    'mean risk',
    'rounds',
    ...sides.map((side) => `score ${side}`),
  ];
  const body = rows.map(({ label, tally: t }) => [
    ...label,
    String(t.games),
    ...kinds.map(({ kind, side }) => percent(side ? (t.walkouts[side] ?? 0) : t.outcomes[kind], t.games)),
    t.meanRisk.toFixed(1),
    t.meanRounds.toFixed(2),
    ...sides.map((side) => t.meanScores[side]!.toFixed(1)),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((line) => line[i]!.length)));
  return [row(header, widths), ...body.map((line) => row(line, widths))];
}

export interface SimulationReport {
  rows: { matchup: Matchup; tally: Tally }[];
  total: Tally;
}

export function report(scenario: Scenario, plan: Matchup[], games: GameSummary[]): SimulationReport {
  return {
    rows: plan.map((matchup, i) => ({
      matchup,
      tally: tally(
        scenario,
        games.filter((game) => game.matchup === i),
      ),
    })),
    total: tally(scenario, games),
  };
}

export async function simulateCommand(path: string, options: SimulateOptions, io: Io): Promise<number> {
  if (!Number.isInteger(options.games) || options.games < 1 || options.games > MAX_GAMES) {
    io.err(`--games: expected a whole number from 1 to ${MAX_GAMES}`);
    return EXIT.unusable;
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 2 ** 31) {
    io.err('--seed: expected a whole number from 0 to 2147483648');
    return EXIT.unusable;
  }
  if (options.policy !== null && !isPolicyName(options.policy)) {
    io.err(`--policy: expected one of ${POLICY_NAMES.join(', ')}`);
    return EXIT.unusable;
  }
  const loaded = await loadScenarioFile(path, io);
  if (!loaded.ok) return loaded.exit;
  const { scenario } = loaded;
  const side = options.side ?? scenario.sides[0]!.id;
  if (!scenario.sides.some((item) => item.id === side)) {
    io.err(`--side: expected ${scenario.sides.map((item) => item.id).join(' or ')}`);
    return EXIT.unusable;
  }
  const aiSide = otherSide(scenario, side);
  if (options.persona !== null && !scenario.personas.some((persona) => persona.id === options.persona && persona.side === aiSide)) {
    const names = scenario.personas.filter((persona) => persona.side === aiSide).map((persona) => persona.id);
    io.err(`--persona: expected a persona of side "${aiSide}": ${names.join(', ')}`);
    return EXIT.unusable;
  }
  const policies: PolicyName[] = options.policy ? [options.policy as PolicyName] : [...POLICY_NAMES];
  const plan = matchups(scenario, side, policies, options.persona ? [options.persona] : null);
  const games = runSimulation({
    scenarioText: loaded.text,
    format: loaded.format,
    spec: { seed: options.seed, matchups: plan, from: 0, to: options.games },
    outDir: options.out,
  });
  const result = report(scenario, plan, games);

  if (options.json) {
    io.out(JSON.stringify({ scenario: scenario.meta.id, games: options.games, seed: options.seed, side, ...result }, null, 2));
    return EXIT.ok;
  }
  const sideName = scenario.sides.find((item) => item.id === side)!.name;
  io.out(`${scenario.meta.title}: ${options.games} games from seed ${options.seed}; bots play ${sideName} against AI personas`);
  io.out('');
  const lines = simulationTable(scenario, [
    ...result.rows.map(({ matchup, tally: t }) => ({ label: [matchup.policy, matchup.persona] as [string, string], tally: t })),
    { label: ['all', ''], tally: result.total },
  ]);
  for (const line of lines) io.out(line);
  if (options.out) io.out(`\nWrote ${options.games} session files to ${options.out}`);
  return EXIT.ok;
}
