/**
 * What the machine tells the world as it goes, besides its states: a package tabled, tracks
 * agreed, the risk entering a higher band. Shells act on them (the browser sounds a cue) without
 * comparing one snapshot with the next. They are announcements, never part of the game state.
 */
import type { GameState, RiskStage } from '../rules/state.ts';
import { bandOf } from '../rules/world.ts';
import type { Scenario } from '../scenario/schema.ts';

export type GameSignal =
  { type: 'package-tabled'; side: string } | { type: 'tracks-agreed'; tracks: string[] } | { type: 'risk-band-rose'; band: string };

/** The tracks agreed in the round just resolved, as a signal, or none. */
export function agreedSignal(game: GameState): GameSignal | null {
  const tracks = Object.keys(game.rounds[game.round]?.agreed ?? {});
  return tracks.length > 0 ? { type: 'tracks-agreed', tracks } : null;
}

/**
 * Whether the risk's move at a stage of the current round entered a higher band, as a signal.
 * Falling or staying in the band is no news. The bands are sorted by where they start.
 */
export function riskSignal(scenario: Scenario, game: GameState, stage: RiskStage): GameSignal | null {
  const change = game.rounds[game.round]?.riskChanges.findLast((item) => item.stage === stage);
  if (!change) return null;
  const band = bandOf(scenario, change.to);
  return band.from > bandOf(scenario, change.from).from ? { type: 'risk-band-rose', band: band.id } : null;
}
