/**
 * A class's sessions side by side, read off each replayed game: a row per game (named after the
 * game, identified by its content so a file loaded twice counts once), the spread of outcomes, every
 * risk curve with a style of its own, and the table as CSV for a spreadsheet. Pure, so it is tested
 * without a browser.
 */
import { scoreGame } from '../../engine/rules/score.ts';
import type { GameState } from '../../engine/rules/state.ts';
import { OUTCOME_KINDS, type OutcomeKind, type Scenario } from '../../engine/scenario/schema.ts';
import type { Session } from '../../engine/session/format.ts';
import { sessionIdentity } from '../../engine/session/seal.ts';
import { gameDetails, opponentLabel, playersLabel, savedDay } from './players.ts';
import { riskSeries } from './risk-view.ts';

export interface ClassRow {
  /** The session's identity (seal.ts): the same game loaded twice has the same one. */
  id: string;
  /** The game in words: scenario, side, players, day. */
  name: string;
  /** The same less the scenario: side, players, day (for a table of one scenario, named above it). */
  who: string;
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
  /** The day the game was saved (YYYY-MM-DD), "" when the file does not say. */
  day: string;
  /** The session's format: 3 and before, its verification covers the moves only. */
  formatVersion: number;
  /** The risk at the start and after each round, for the chart. */
  curve: number[];
}

/** The session the game came from: what it says about its players and day, and the whole of it for its identity. */
type SessionFacts = Pick<Session, 'formatVersion'> & Partial<Session>;

export function classRow(file: string, scenario: Scenario, game: GameState, session: SessionFacts = { formatVersion: 4 }): ClassRow {
  const { playerSide } = game.setup;
  const scores = scoreGame(scenario, game);
  const players = playersLabel(scenario, session.players);
  const who = gameDetails(scenario, game.setup, session.players, session.savedAt);
  return {
    id: sessionIdentity(session),
    name: `${scenario.meta.title} — ${who}`,
    who,
    file,
    players,
    scenario: scenario.meta.title,
    side: scenario.sides.find((side) => side.id === playerSide)?.name ?? playerSide,
    opponent: opponentLabel(scenario, game.setup, game.outcome !== null),
    outcome: game.outcome?.kind ?? null,
    finalRisk: game.risk,
    playerScore: scores.find((score) => score.side === playerSide)?.total ?? 0,
    otherScore: scores.find((score) => score.side !== playerSide)?.total ?? 0,
    rounds: game.rounds.length,
    day: savedDay(session.savedAt),
    formatVersion: session.formatVersion,
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

/** A number as the CSV writes it: one decimal, a plain minus, no thousands separator. */
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A CSV cell. Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return) is neutralised with a leading apostrophe; numbers, negative ones included, stay numbers.
 * Quoted when it holds a separator, a quote or a line break.
 */
export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly ClassRow[]): string {
  const header = [
    'game',
    'file',
    'players',
    'scenario',
    'side',
    'opponent',
    'outcome',
    'final risk',
    'player score',
    'other score',
    'rounds',
  ];
  const lines = rows.map((row) =>
    [
      row.name,
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
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/**
 * Colours for the class chart's curves, each at least 7:1 against the chart's dark ground (and
 * white on black in high contrast), told apart by hue; dashes and markers tell them apart without
 * colour. 4 dashes and 6 markers: no two of the first 12 games share both; 8 colours: no two of
 * the first 24 share all three (and every curve carries its game's number too).
 */
export const CURVE_COLOURS = ['#ffd166', '#7fd3ff', '#ff9f80', '#b8f28c', '#e4a8ff', '#5fe0c8', '#ffb3d1', '#f4efe6'];
export const CURVE_DASHES = ['', '8 4', '2 3', '10 3 2 3'];
export const CURVE_MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'plus'] as const;

export interface CurveStyle {
  colour: string;
  /** An SVG stroke-dasharray ("" for a solid line). */
  dash: string;
  marker: (typeof CURVE_MARKERS)[number];
}

export function curveStyle(index: number): CurveStyle {
  return {
    colour: CURVE_COLOURS[index % CURVE_COLOURS.length]!,
    dash: CURVE_DASHES[index % CURVE_DASHES.length]!,
    marker: CURVE_MARKERS[index % CURVE_MARKERS.length]!,
  };
}
