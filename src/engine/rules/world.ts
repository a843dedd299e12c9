/**
 * Reading the scenario against the state: ladders, sides, stances, gaps and the utility of a
 * set of positions. Everything here is a pure lookup or sum.
 */
import type { Scenario, Track } from '../scenario/schema.ts';
import type { GameState, Positions } from './state.ts';

export function track(scenario: Scenario, id: string): Track {
  const found = scenario.tracks.find((item) => item.id === id);
  if (!found) throw new Error(`unknown track ${id}`);
  return found;
}

export function positionIndex(item: Track, positionId: string): number {
  return item.positions.findIndex((position) => position.id === positionId);
}

export function sideIds(scenario: Scenario): [string, string] {
  return [scenario.sides[0]!.id, scenario.sides[1]!.id];
}

/** A side's short name, for tight spaces and sentences ("US/NATO"). */
export function sideShortName(scenario: Scenario, id: string): string {
  return scenario.sides.find((side) => side.id === id)?.shortName ?? id;
}

export function otherSide(scenario: Scenario, side: string): string {
  const [first, second] = sideIds(scenario);
  return side === first ? second : first;
}

/** +1 when conceding moves a side's stance up the ladder (the first side), −1 otherwise. */
export function concedingDirection(scenario: Scenario, side: string): 1 | -1 {
  return side === sideIds(scenario)[0] ? 1 : -1;
}

/** The side's own end of the ladder. */
export function idealIndex(scenario: Scenario, item: Track, side: string): number {
  return concedingDirection(scenario, side) === 1 ? 0 : item.positions.length - 1;
}

export function proposerOf(scenario: Scenario, round: number): string {
  return scenario.rounds[round]?.proposer ?? sideIds(scenario)[round % 2]!;
}

export function openTracks(scenario: Scenario, state: GameState): Track[] {
  return scenario.tracks.filter((item) => !(item.id in state.agreed));
}

/** The open track that matters most to a side (the first of equals), or null when none is open. */
export function weightiestOpenTrack(scenario: Scenario, state: GameState, side: string): Track | null {
  let heaviest: Track | null = null;
  for (const item of openTracks(scenario, state)) if (!heaviest || (item.weight[side] ?? 0) > (heaviest.weight[side] ?? 0)) heaviest = item;
  return heaviest;
}

export function isRedLine(item: Track, side: string, positionId: string): boolean {
  return item.redLines[side]?.includes(positionId) ?? false;
}

/** The share of the ladder (0–1) that still separates the two sides on a track. */
export function gapShare(scenario: Scenario, state: GameState, item: Track): number {
  const [first, second] = sideIds(scenario);
  const apart = Math.abs(state.sides[first]!.stance[item.id]! - state.sides[second]!.stance[item.id]!);
  return apart / (item.positions.length - 1);
}

/** The risk an open gap on a track adds each round: its salience times the share still apart, weighted. */
export function gapPressure(scenario: Scenario, state: GameState, item: Track): number {
  return scenario.escalation.weights.gap * item.salience * gapShare(scenario, state, item);
}

/** The risk every open gap together adds each round. */
export function openGapsPressure(scenario: Scenario, state: GameState): number {
  return openTracks(scenario, state).reduce((total, item) => total + gapPressure(scenario, state, item), 0);
}

/** The world a package would make: agreed tracks stay, the package's tracks move, the rest hold the status quo. */
export function worldWith(scenario: Scenario, state: GameState, positions: Positions): Positions {
  const world: Positions = {};
  for (const item of scenario.tracks) {
    world[item.id] = state.agreed[item.id]?.position ?? positions[item.id] ?? item.statusQuo;
  }
  return world;
}

/** A side's utility (0–100) for a full set of positions: the weighted mean of its track utilities. */
export function utilityOf(scenario: Scenario, side: string, world: Positions): number {
  let total = 0;
  let weights = 0;
  for (const item of scenario.tracks) {
    const weight = item.weight[side] ?? 0;
    const position = item.positions.find((candidate) => candidate.id === world[item.id]) ?? item.positions[0]!;
    total += weight * (position.utility[side] ?? 0);
    weights += weight;
  }
  return weights === 0 ? 0 : total / weights;
}

/** A side's utility for one position on one track. */
export function trackUtility(item: Track, side: string, positionId: string): number {
  return item.positions.find((position) => position.id === positionId)?.utility[side] ?? 0;
}

/** The positions a side currently demands on the open tracks. */
export function stancePositions(scenario: Scenario, state: GameState, side: string): Positions {
  const positions: Positions = {};
  for (const item of openTracks(scenario, state)) {
    positions[item.id] = item.positions[state.sides[side]!.stance[item.id]!]!.id;
  }
  return positions;
}

export function bandOf(scenario: Scenario, risk: number) {
  const bands = scenario.escalation.bands;
  let band = bands[0]!;
  for (const candidate of bands) if (risk >= candidate.from) band = candidate;
  return band;
}

/** Reads a piecewise-linear curve of { risk, chance } points. */
export function curveAt(points: readonly { risk: number; chance: number }[], risk: number): number {
  const first = points[0]!;
  if (risk <= first.risk) return first.chance;
  for (let i = 1; i < points.length; i++) {
    const low = points[i - 1]!;
    const high = points[i]!;
    if (risk <= high.risk) return low.chance + ((risk - low.risk) / (high.risk - low.risk)) * (high.chance - low.chance);
  }
  return points.at(-1)!.chance;
}
