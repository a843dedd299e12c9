/**
 * A step of a line of play as written — the historical line's, or a scenario test's — and the
 * moves it makes at the table once the game has agreed some tracks: its packages leave those out.
 */
import type { GameState, Positions, Response } from '../rules/state.ts';
import type { HistoricalStep } from './schema.ts';

/** A step of a line of play as written: the historical line's, or a scenario test's (whose posture and tone have defaults). */
export type PlayedStep = Pick<HistoricalStep, 'round' | 'proposal' | 'response' | 'reply'>;

/** The tracks of a package that are still open: the line's packages may name tracks agreed earlier. */
export const stillOpen = (positions: Positions, agreed: GameState['agreed'] | null): Positions =>
  agreed ? Object.fromEntries(Object.entries(positions).filter(([trackId]) => !(trackId in agreed))) : positions;

/** The response a step writes down, by the round's responder, its counter-proposal on the tracks still open. */
export function writtenResponse(written: PlayedStep['response'], side: string, agreed: GameState['agreed']): Response {
  const { kind, tracks, counter, posture, tone } = written;
  return {
    side,
    kind,
    ...(tracks ? { tracks } : {}),
    ...(counter ? { counter: stillOpen(counter, agreed) } : {}),
    posture,
    tone,
  };
}
