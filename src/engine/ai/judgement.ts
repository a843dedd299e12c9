/**
 * How the AI judges a package put to it: what it is worth to the side against the least it will
 * settle for, which of it crosses the side's red lines or gives away its core issue too early,
 * and which part, in whole linked groups, is worth taking on its own.
 */
import type { Persona, Scenario } from '../scenario/schema.ts';
import { acceptableUnits, mayAcceptAll } from '../rules/legal.ts';
import type { GameState, Positions } from '../rules/state.ts';
import { isRedLine, track, utilityOf, worldWith } from '../rules/world.ts';
import { coreBelowFloor } from './core-demand.ts';
import { reservation, type Reservation } from './valuation.ts';

/** The package on the table for the AI's side to judge: the proposal, or a counter to it. */
export function onTable(state: GameState): Positions {
  const record = state.rounds[state.round]!;
  return record.response?.kind === 'counter' && record.response.counter ? record.response.counter : record.proposal!.positions;
}

export interface Judgement {
  utility: number;
  /** The open track that matters most to the side, when the package would settle it below half of what it wants before the last round. */
  coreRefused: string | null;
  reservation: Reservation;
  redLines: string[];
  /** Whether the rules let the side accept the package whole (none of it its red line). */
  mayAcceptAll: boolean;
  /** The part worth locking now, in whole linked groups: gains first, then losses the reservation value allows. */
  worthTaking: string[];
  partialUtility: number;
}

export function judge(scenario: Scenario, state: GameState, side: string, persona: Persona, positions: Positions): Judgement {
  const value = reservation(scenario, state, side, persona);
  const worth = (part: Positions) => utilityOf(scenario, side, worldWith(scenario, state, part));
  const redLines = Object.keys(positions).filter((trackId) => isRedLine(track(scenario, trackId), side, positions[trackId]!));
  const noDeal = worth({});
  const pick = (unit: readonly string[]) => Object.fromEntries(unit.map((id) => [id, positions[id]!]));
  // The package valued as a whole: a part is worth what the world with it locked is worth.
  const gain = (unit: readonly string[]) => worth(pick(unit)) - noDeal;
  const coreRefused = coreBelowFloor(scenario, state, side, positions);
  const units = acceptableUnits(scenario, side, positions)
    .filter((unit) => coreRefused === null || !unit.includes(coreRefused))
    .sort((a, b) => gain(b) - gain(a));
  let partial: Positions = {};
  // Gains first; then parts that cost it something, while the whole part still clears its bar (a
  // trade within the part).
  for (const unit of units) {
    const withUnit = { ...partial, ...pick(unit) };
    if (gain(unit) > 0 || worth(withUnit) >= value.value) partial = withUnit;
  }
  return {
    utility: worth(positions),
    coreRefused,
    reservation: value,
    redLines,
    mayAcceptAll: mayAcceptAll(scenario, side, positions),
    worthTaking: Object.keys(partial),
    partialUtility: worth(partial),
  };
}

/** Whether the package on the table, whole, is one the AI takes: no red line, and worth its bar. */
export function acceptsWhole(judged: Judgement): boolean {
  return judged.mayAcceptAll && judged.coreRefused === null && judged.utility >= judged.reservation.value;
}

/** Whether part of the package (in whole linked groups) clears the bar on its own. */
export function acceptsPart(judged: Judgement, positions: Positions): boolean {
  const part = judged.worthTaking.length;
  return part > 0 && part < Object.keys(positions).length && judged.partialUtility >= judged.reservation.value;
}

/** The tracks of the part worth taking, by name: "Missiles, Exercises". */
export function worthTakingNames(scenario: Scenario, judged: Judgement): string {
  return judged.worthTaking.map((id) => track(scenario, id).name).join(', ');
}
