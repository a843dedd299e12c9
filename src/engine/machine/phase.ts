/**
 * What each state of the game machine means, in the words the rest of the code uses: the screens,
 * the narration, the bots, the historical line and the state checksums read a snapshot's phase,
 * never the name of a machine state, so the machine's states can be renamed or split without
 * changing any of them (or any saved session). Each state carries its phase as its one tag.
 */
export const PHASES = ['setup', 'briefing', 'proposal', 'response', 'counter', 'resolution', 'incident', 'over'] as const;

/**
 * setup: the game has not started. briefing: a round opens. proposal, response, counter: a side
 * is to make that move at the table. resolution: the round's result. incident: an incident
 * follows the round. over: the game has ended (its outcome is in the game state).
 */
export type Phase = (typeof PHASES)[number];

/** The phases in which a player makes a move at the table. */
export const TABLE_PHASES = ['proposal', 'response', 'counter'] as const satisfies readonly Phase[];
export type TablePhase = (typeof TABLE_PHASES)[number];

export function isTablePhase(phase: Phase): phase is TablePhase {
  return (TABLE_PHASES as readonly Phase[]).includes(phase);
}

/** A snapshot as far as its phase goes: XState's `hasTag`. */
interface Tagged {
  hasTag(tag: Phase): boolean;
}

export function phaseOf(snapshot: Tagged): Phase {
  const phase = PHASES.find((tag) => snapshot.hasTag(tag));
  // Every state of the machine has a phase tag (tests/machine-model.test.ts walks them all).
  if (!phase) throw new Error('a state of the game machine has no phase');
  return phase;
}
