/**
 * Who played a game, in words for the saved games, the class view and the replay: the players'
 * names and the opponent. An AI's persona is part of the exercise — hidden until the debrief —
 * so it is named only once the game is over, wherever the game is listed.
 */
import type { Setup } from '../../engine/rules/state.ts';
import { otherSide, sideShortName } from '../../engine/rules/world.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import type { Players } from '../../engine/session/format.ts';

/** The opponent as a list shows it: "AI: Russia, The Pragmatist" once the game is over, "AI: Russia, persona hidden" before. */
export function opponentLabel(scenario: Scenario, setup: Pick<Setup, 'playerSide' | 'opponent'>, over: boolean): string {
  const { opponent } = setup;
  if (opponent.kind === 'hotseat') return 'two players (hot-seat)';
  const side = sideShortName(scenario, otherSide(scenario, setup.playerSide));
  const persona = scenario.personas.find((item) => item.id === opponent.persona)?.name ?? opponent.persona;
  return `AI: ${side}, ${over ? persona : 'persona hidden'}`;
}

/** The players' names in the scenario's order of sides: "Alice", or "Carol (US/NATO), Dan (Russia)" when two sides have one; "" when none. */
export function playersLabel(scenario: Scenario, players: Players = {}): string {
  const named = scenario.sides.flatMap((side) => (players[side.id] ? [{ side: side.shortName, name: players[side.id]! }] : []));
  if (named.length === 1) return named[0]!.name;
  return named.map(({ side, name }) => `${name} (${side})`).join(', ');
}

/** The YYYY-MM-DD of a session's `savedAt`, or "" when it has none that reads as a date. */
export function savedDay(savedAt: string | undefined): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(savedAt ?? '')?.[0] ?? '';
}

/** A game as lists name it after the scenario's title: "US/NATO, Alice, 2026-11-30" (side, players, day; each when known). */
export function gameDetails(scenario: Scenario, session: Pick<Setup, 'playerSide'>, players: Players = {}, savedAt?: string): string {
  return [sideShortName(scenario, session.playerSide), playersLabel(scenario, players), savedDay(savedAt)]
    .filter((part) => part !== '')
    .join(', ');
}
