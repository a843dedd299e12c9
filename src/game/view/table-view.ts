/**
 * What the negotiation table shows, read off the scenario and the game state: the tracks with
 * both sides' demands and red lines, what is on the table, whose decision it is, and the moves
 * that side may make. Pure, so it is tested without a browser.
 */
import { isTablePhase, phaseOf, type TablePhase } from '../../engine/machine/phase.ts';
import type { GameSnapshot } from '../../engine/machine/game-run.ts';
import type { GameState, Positions, RoundRecord } from '../../engine/rules/state.ts';
import { acceptableUnits, mayAcceptAll } from '../../engine/rules/legal.ts';
import { isRedLine, otherSide, positionIndex, sideShortName } from '../../engine/rules/world.ts';
import type { PostureMove, Scenario } from '../../engine/scenario/schema.ts';

/** The phases at the table, named as the table's views call them. */
export type TableStage = TablePhase;

/** What the acting side is doing at the table: each stage's main choice, and the choices it opens. */
export type TableMode = 'propose' | 'answer' | 'accept-some' | 'counter' | 'confirm-walkout' | 'reply' | 'reply-some';

export interface PositionCell {
  id: string;
  index: number;
  label: string;
  description: string;
  /** A red line of the side acting now: it cannot propose or accept this. */
  ownRedLine: boolean;
  /** A red line of the other side, when the viewer may see it (see redLinesShown). */
  otherRedLine: boolean;
  statusQuo: boolean;
}

export interface TrackRow {
  id: string;
  name: string;
  description: string;
  positions: PositionCell[];
  /** Ladder index each side currently demands. */
  ownStance: number;
  otherStance: number;
  agreed: { label: string; round: number } | null;
  /** The position the package on the table puts on this track (proposal, or counter at the counter stage). */
  onTable: string | null;
  /** The scenario's links that tie this track to others: agreed together or not at all. */
  links: { tracks: string[]; text: string }[];
}

export interface TableView {
  stage: TableStage;
  round: number;
  roundCount: number;
  title: string;
  venue: string;
  date: string;
  /** The side whose decision the table awaits, and the other side. */
  acting: string;
  other: string;
  /** Their short names, which every mark on a ladder gives (never "demands" or "red line" alone). */
  actingName: string;
  otherName: string;
  /** The short name of the side whose red lines the scenario keeps from this viewer, or null when all are shown. */
  privateRedLines: string | null;
  tracks: TrackRow[];
  moves: PostureMove[];
  /** Who tabled the package on the table, if any. */
  tabledBy: string | null;
  /** The parts of the package on the table the acting side may accept alone: single tracks or whole linked groups. */
  acceptableUnits: string[][];
  /** Whether the acting side may accept the whole package on the table (false when there is none). */
  mayAcceptAll: boolean;
}

export function tableStage(snapshot: GameSnapshot): TableStage | null {
  const phase = phaseOf(snapshot);
  return isTablePhase(phase) ? phase : null;
}

function packageOnTable(record: RoundRecord, stage: TableStage): { positions: Positions; side: string } | null {
  if (stage === 'response' && record.proposal) return { positions: record.proposal.positions, side: record.proposal.side };
  if (stage === 'counter' && record.response?.counter) return { positions: record.response.counter, side: record.response.side };
  return null;
}

/**
 * The sides whose red lines a viewer sees: both, unless the scenario keeps them private
 * (`privateRedLines`), when a side sees its own only. A null viewer is an onlooker after the fact
 * (the replay, the debrief), who sees both.
 */
export function redLinesShown(scenario: Scenario, viewer: string | null): string[] {
  const sides = scenario.sides.map((side) => side.id);
  return scenario.privateRedLines && viewer !== null ? sides.filter((side) => side === viewer) : sides;
}

export interface TableViewOptions {
  /** An onlooker (the replay viewer) sees every red line; by default the table is seen by the acting side. */
  onlooker?: boolean;
}

export function tableView(scenario: Scenario, game: GameState, stage: TableStage, options: TableViewOptions = {}): TableView {
  const record = game.rounds[game.round]!;
  const acting = stage === 'response' ? record.responder : record.proposer;
  const other = otherSide(scenario, acting);
  const onTable = packageOnTable(record, stage);
  const round = scenario.rounds[game.round]!;
  const otherShown = redLinesShown(scenario, options.onlooker ? null : acting).includes(other);
  return {
    stage,
    round: game.round,
    roundCount: scenario.rounds.length,
    title: round.title,
    venue: round.venue,
    date: round.date,
    acting,
    other,
    actingName: sideShortName(scenario, acting),
    otherName: sideShortName(scenario, other),
    privateRedLines: otherShown ? null : sideShortName(scenario, other),
    tabledBy: onTable?.side ?? null,
    acceptableUnits: onTable ? acceptableUnits(scenario, acting, onTable.positions) : [],
    mayAcceptAll: onTable ? mayAcceptAll(scenario, acting, onTable.positions) : false,
    moves: scenario.postureMoves.filter((move) => move.side === acting),
    tracks: scenario.tracks.map((track) => {
      const agreed = game.agreed[track.id];
      return {
        id: track.id,
        name: track.name,
        description: track.description,
        positions: track.positions.map((position, index) => ({
          id: position.id,
          index,
          label: position.label,
          description: position.description,
          ownRedLine: isRedLine(track, acting, position.id),
          otherRedLine: otherShown && isRedLine(track, other, position.id),
          statusQuo: position.id === track.statusQuo,
        })),
        ownStance: game.sides[acting]!.stance[track.id]!,
        otherStance: game.sides[other]!.stance[track.id]!,
        agreed: agreed ? { label: track.positions[positionIndex(track, agreed.position)]!.label, round: agreed.round } : null,
        onTable: onTable?.positions[track.id] ?? null,
        links: scenario.linkage
          .filter((link) => link.tracks.includes(track.id))
          .map((link) => ({
            tracks: link.tracks.filter((id) => id !== track.id).map((id) => scenario.tracks.find((item) => item.id === id)?.name ?? id),
            text: link.text,
          })),
      };
    }),
  };
}

/** The package a player starts from when proposing or countering: its current demands on the open tracks. */
export function startingPackage(view: TableView): Positions {
  const positions: Positions = {};
  for (const track of view.tracks) {
    if (!track.agreed) positions[track.id] = track.positions[track.ownStance]!.id;
  }
  return positions;
}

/** The tracks of the package on the table that the acting side may accept (none its red line, linked groups whole). */
export function acceptableTracks(view: TableView): string[] {
  return view.acceptableUnits.flat();
}

/** The tracks ticked or unticked together with one: its whole linked group, or itself alone. */
export function unitOf(view: TableView, trackId: string): string[] {
  return view.acceptableUnits.find((unit) => unit.includes(trackId)) ?? [trackId];
}

/**
 * The marks on one rung of a ladder, in words and symbols so that nothing rests on colour: each
 * side's demand and red line named by side, what is on the table, and the status quo.
 */
export function rungMarks(view: TableView, row: TrackRow, index: number): string[] {
  const position = row.positions[index]!;
  const marks: string[] = [];
  if (row.ownStance === index) marks.push(`● ${view.actingName} demands`);
  if (row.otherStance === index) marks.push(`▲ ${view.otherName} demands`);
  if (row.onTable === position.id) marks.push('◆ on the table');
  if (position.ownRedLine) marks.push(`⊘ ${view.actingName} red line`);
  if (position.otherRedLine) marks.push(`✕ ${view.otherName} red line`);
  if (position.statusQuo) marks.push('status quo');
  return marks;
}

/** Whether the acting side may accept the whole package on the table: no track of it crosses its red lines. */
export function canAcceptAll(view: TableView): boolean {
  return view.mayAcceptAll;
}

/** "a, b or c". */
function orList(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}` : (items[0] ?? '');
}

/**
 * What the live region says when the table changes mode without a new state of the game (the
 * machine's own narration covers those): where the player now is and which keys do what.
 */
export function modeNarration(scenario: Scenario, view: TableView, mode: Exclude<TableMode, 'propose'>): string {
  const names = acceptableTracks(view).map((id) => view.tracks.find((track) => track.id === id)?.name ?? id);
  const open = [...(canAcceptAll(view) ? ['accept all'] : []), ...(names.length > 0 ? ['accept some'] : [])];
  switch (mode) {
    case 'counter':
      return 'Counter-proposal: choose a position on each open track with the arrow keys, then a posture move and a tone. Enter sends it; Escape cancels.';
    case 'accept-some':
    case 'reply-some':
      return `Accept some: tick the tracks you accept (you may accept ${names.join(', ')}; linked tracks go together). Enter accepts them; Escape cancels.`;
    case 'confirm-walkout':
      return `Walk out? Walking out ends the talks at once and raises the risk by ${scenario.escalation.walkoutRisk}. Enter walks out; Escape stays at the table.`;
    case 'answer':
      return `Back to your answer: ${orList([...open, 'counter', 'reject', 'walk out'])}.`;
    case 'reply':
      return `Back to your reply: ${orList([...open, 'reject'])}.`;
  }
}
