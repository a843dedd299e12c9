/**
 * A class's sessions side by side, read off each replayed game: a row per file, the spread of
 * outcomes, every risk curve, and the table as CSV for a spreadsheet. Pure, so it is tested
 * without a browser.
 */
import { scoreGame } from '../../engine/rules/score.ts';
import type { GameState } from '../../engine/rules/state.ts';
import { OUTCOME_KINDS, type OutcomeKind, type Scenario } from '../../engine/scenario/schema.ts';
import type { Players } from '../../engine/session/format.ts';
import { opponentLabel, playersLabel } from './players.ts';
import { riskSeries } from './risk-view.ts';

export interface ClassRow {
  file: string;
  /** The players' names as the session gives them ("" when it gives none). */
  players: string;
  scenario: string;
  side: string;
  opponent: string;
  outcome: OutcomeKind | null;
  finalRisk: number;
  playerScore: number;
  otherScore: number;
  rounds: number;
  /** The risk at the start and after each round, for the chart. */
  curve: number[];
}

export function classRow(file: string, scenario: Scenario, game: GameState, players?: Players): ClassRow {
  const { playerSide } = game.setup;
  const scores = scoreGame(scenario, game);
  return {
    file,
    players: playersLabel(scenario, players),
    scenario: scenario.meta.title,
    side: scenario.sides.find((side) => side.id === playerSide)?.name ?? playerSide,
    opponent: opponentLabel(scenario, game.setup, game.outcome !== null),
    outcome: game.outcome?.kind ?? null,
    finalRisk: game.risk,
    playerScore: scores.find((score) => score.side === playerSide)?.total ?? 0,
    otherScore: scores.find((score) => score.side !== playerSide)?.total ?? 0,
    rounds: game.rounds.length,
    curve: riskSeries(scenario, game).map((point) => point.risk),
  };
}

/** How many sessions ended each way (unfinished ones counted apart). */
export function outcomeDistribution(rows: readonly ClassRow[]): { outcome: OutcomeKind | 'unfinished'; count: number; share: number }[] {
  const kinds: (OutcomeKind | 'unfinished')[] = [...OUTCOME_KINDS, 'unfinished'];
  return kinds.map((outcome) => {
    const count = rows.filter((row) => (row.outcome ?? 'unfinished') === outcome).length;
    return { outcome, count, share: rows.length === 0 ? 0 : count / rows.length };
  });
}

const cell = (value: string | number): string => {
  const text = String(value);
  // Quoted when it holds a separator, a quote or a line break; a leading = + - @ is neutralised so a spreadsheet never runs it.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(rows: readonly ClassRow[]): string {
  const header = ['file', 'players', 'scenario', 'side', 'opponent', 'outcome', 'final risk', 'player score', 'other score', 'rounds'];
  const lines = rows.map((row) =>
    [
      row.file,
      row.players,
      row.scenario,
      row.side,
      row.opponent,
      row.outcome ?? 'unfinished',
      row.finalRisk.toFixed(1),
      row.playerScore.toFixed(1),
      row.otherScore.toFixed(1),
      row.rounds,
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
