/**
 * Which moves the rules allow. Events reach the machine from players, bots and untrusted
 * session files alike; the machine's guards ask these functions before any rule runs.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { GameState, Positions, Proposal, Reply, Response } from './state.ts';
import { isRedLine, openTracks, otherSide, proposerOf, track } from './world.ts';

function isOwnMove(scenario: Scenario, side: string, posture: string | null): boolean {
  return posture === null || scenario.postureMoves.some((move) => move.id === posture && move.side === side);
}

/** A position on every open track, each one on the ladder and none of them the side's own red line. */
export function isLegalPackage(scenario: Scenario, state: GameState, side: string, positions: Positions): boolean {
  const open = openTracks(scenario, state);
  const keys = Object.keys(positions);
  if (keys.length !== open.length) return false;
  return open.every((item) => {
    const positionId = positions[item.id];
    return positionId !== undefined && item.positions.some((position) => position.id === positionId) && !isRedLine(item, side, positionId);
  });
}

/** Tracks a side may accept from a package: a non-empty set, all in the package, none its red line, no linked group split. */
function isAcceptableSelection(scenario: Scenario, side: string, positions: Positions, tracks: readonly string[]): boolean {
  if (tracks.length === 0 || new Set(tracks).size !== tracks.length || !keepsLinksWhole(scenario, positions, tracks)) return false;
  return tracks.every((trackId) => {
    const positionId = positions[trackId];
    return positionId !== undefined && !isRedLine(track(scenario, trackId), side, positionId);
  });
}

export function isLegalProposal(scenario: Scenario, state: GameState, proposal: Proposal): boolean {
  const record = state.rounds[state.round];
  return (
    record !== undefined &&
    record.proposal === null &&
    proposal.side === proposerOf(scenario, state.round) &&
    isOwnMove(scenario, proposal.side, proposal.posture) &&
    isLegalPackage(scenario, state, proposal.side, proposal.positions)
  );
}

/** Each kind of answer carries exactly the fields it needs: a stray list of tracks or counter-package is refused. */
function hasOnlyItsFields(kind: string, answer: { tracks?: unknown; counter?: unknown }): boolean {
  return (answer.tracks !== undefined) === (kind === 'accept-some') && (answer.counter !== undefined) === (kind === 'counter');
}

export function isLegalResponse(scenario: Scenario, state: GameState, response: Response): boolean {
  const record = state.rounds[state.round];
  const proposal = record?.proposal;
  if (!record || !proposal || record.response !== null || !hasOnlyItsFields(response.kind, response)) return false;
  if (response.side !== otherSide(scenario, proposal.side) || !isOwnMove(scenario, response.side, response.posture)) return false;
  switch (response.kind) {
    case 'accept':
      return mayAcceptAll(scenario, response.side, proposal.positions);
    case 'accept-some':
      return isAcceptableSelection(scenario, response.side, proposal.positions, response.tracks ?? []);
    case 'counter':
      return response.counter !== undefined && isLegalPackage(scenario, state, response.side, response.counter);
    case 'reject':
    case 'walkout':
      return true;
  }
}

export function isLegalReply(scenario: Scenario, state: GameState, reply: Reply): boolean {
  const record = state.rounds[state.round];
  const counter = record?.response?.kind === 'counter' ? record.response.counter : undefined;
  if (!record || !counter || record.reply !== null || reply.side !== record.proposer || !hasOnlyItsFields(reply.kind, reply)) return false;
  switch (reply.kind) {
    case 'accept':
      return mayAcceptAll(scenario, reply.side, counter);
    case 'accept-some':
      return isAcceptableSelection(scenario, reply.side, counter, reply.tracks ?? []);
    case 'reject':
      return true;
  }
}

/**
 * The parts of a package a side may accept on their own: each track alone, or a linked group of
 * the package's tracks whole; never a part holding one of the side's red lines.
 */
export function acceptableUnits(scenario: Scenario, side: string, positions: Positions): string[][] {
  const inPackage = Object.keys(positions);
  const units: string[][] = [];
  const placed = new Set<string>();
  for (const trackId of inPackage) {
    if (placed.has(trackId)) continue;
    const unit = new Set([trackId]);
    // Links chain: a track linked to two groups joins them into one unit.
    for (let grew = true; grew;) {
      grew = false;
      for (const link of scenario.linkage) {
        if (!link.tracks.some((id) => unit.has(id))) continue;
        for (const id of link.tracks) {
          if (inPackage.includes(id) && !unit.has(id)) {
            unit.add(id);
            grew = true;
          }
        }
      }
    }
    for (const id of unit) placed.add(id);
    units.push(inPackage.filter((id) => unit.has(id)));
  }
  return units.filter((unit) => unit.every((trackId) => !isRedLine(track(scenario, trackId), side, positions[trackId]!)));
}

/** The tracks of a package a side may accept: its acceptable parts together. */
export function acceptableTracks(scenario: Scenario, side: string, positions: Positions): string[] {
  return acceptableUnits(scenario, side, positions).flat();
}

/** Whether a side may accept a whole package: it is not empty and no track of it is one of the side's red lines. */
export function mayAcceptAll(scenario: Scenario, side: string, positions: Positions): boolean {
  return isAcceptableSelection(scenario, side, positions, Object.keys(positions));
}

/** Whether a selection of a package's tracks keeps every linked group whole. */
export function keepsLinksWhole(scenario: Scenario, positions: Positions, tracks: readonly string[]): boolean {
  return scenario.linkage.every((link) => {
    const inPackage = link.tracks.filter((id) => id in positions);
    const chosen = inPackage.filter((id) => tracks.includes(id));
    return chosen.length === 0 || chosen.length === inPackage.length;
  });
}
