/**
 * What the offer of a scripted case stands for: on each track one position, a list, or every
 * position the offering side may propose (`*`), and so a set of packages swept one by one.
 */
import type { GameState, Positions } from '../rules/state.ts';
import { isRedLine, openTracks } from '../rules/world.ts';
import type { Scenario, Track } from '../scenario/schema.ts';
import { EVERY_POSITION, type Offer } from './schema.ts';

/** The most packages one scripted case may sweep (per persona and seed). */
export const MAX_PACKAGES = 1000;
/** The most answers one scripted case may ask for (personas × seeds × packages), so that a run stays short. */
export const MAX_ANSWERS = 100_000;

/** The positions an offer names on a track: one, a list, or every one the offering side may propose. */
export function offeredPositions(item: Track, offeringSide: string, value: string | string[]): string[] {
  if (value === EVERY_POSITION)
    return item.positions.map((position) => position.id).filter((positionId) => !isRedLine(item, offeringSide, positionId));
  return typeof value === 'string' ? [value] : value;
}

/** Every package an offer stands for, on the tracks still open. */
export function offerPackages(scenario: Scenario, state: GameState, offer: Offer, offering: string): Positions[] {
  let packages: Positions[] = [{}];
  for (const item of openTracks(scenario, state)) {
    const choice = offer.positions[item.id];
    if (choice === undefined) continue;
    const options = offeredPositions(item, offering, choice);
    packages = packages.flatMap((partial) => options.map((positionId) => ({ ...partial, [item.id]: positionId })));
  }
  return packages;
}
