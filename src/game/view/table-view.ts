/**
 * What the negotiation table shows, read off the scenario and the game state: the tracks with
 * both sides' demands and red lines, what is on the table, whose decision it is, and the moves
 * that side may make. Pure, so it is tested without a browser.
 */
import type { GameSnapshot } from '../../engine/machine/game-run.ts';
import type { GameState, Positions, RoundRecord } from '../../engine/rules/state.ts';
import { acceptableUnits } from '../../engine/rules/legal.ts';
import { isRedLine, otherSide, positionIndex } from '../../engine/rules/world.ts';
import type { PostureMove, Scenario } from '../../engine/scenario/schema.ts';

export type TableStage = 'proposal' | 'response' | 'counter';

export interface PositionCell {
  id: string;
  index: number;
  label: string;
  description: string;
  /** A red line of the side acting now: it cannot propose or accept this. */
  ownRedLine: boolean;
  /** A red line of the other side. */
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
  tracks: TrackRow[];
  moves: PostureMove[];
  /** Who tabled the package on the table, if any. */
  tabledBy: string | null;
  /** The parts of the package on the table the acting side may accept alone: single tracks or whole linked groups. */
  acceptableUnits: string[][];
}

export function tableStage(snapshot: GameSnapshot): TableStage | null {
  const value = String(snapshot.value);
  return value === 'proposal' || value === 'response' || value === 'counter' ? value : null;
}

function packageOnTable(record: RoundRecord, stage: TableStage): { positions: Positions; side: string } | null {
  if (stage === 'response' && record.proposal) return { positions: record.proposal.positions, side: record.proposal.side };
  if (stage === 'counter' && record.response?.counter) return { positions: record.response.counter, side: record.response.side };
  return null;
}

export function tableView(scenario: Scenario, game: GameState, stage: TableStage): TableView {
  const record = game.rounds[game.round]!;
  const acting = stage === 'response' ? record.responder : record.proposer;
  const other = otherSide(scenario, acting);
  const onTable = packageOnTable(record, stage);
  const round = scenario.rounds[game.round]!;
  return {
    stage,
    round: game.round,
    roundCount: scenario.rounds.length,
    title: round.title,
    venue: round.venue,
    date: round.date,
    acting,
    other,
    tabledBy: onTable?.side ?? null,
    acceptableUnits: onTable ? acceptableUnits(scenario, acting, onTable.positions) : [],
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
          otherRedLine: isRedLine(track, other, position.id),
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

export function openTrackCount(view: TableView): number {
  return view.tracks.filter((track) => !track.agreed).length;
}
