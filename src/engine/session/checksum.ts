/**
 * Checksums of game states, so that a replay can prove it reproduced a session. cyrb53: a fast,
 * well-mixed 53-bit string hash, plenty to tell a changed state from an unchanged one.
 */
import type { Phase } from '../machine/phase.ts';
import type { GameState } from '../rules/state.ts';

export function hashText(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * JSON with every object's keys in sorted order: the same state must give the same text however
 * its objects were built (an event read back from a file has its keys in the schema's order, not
 * in the order the player's screen wrote them).
 */
export function canonicalJson(value: unknown, omitted: ReadonlySet<string> = new Set()): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    // fromEntries makes own properties even of a key "__proto__", which an assignment would swallow.
    return Object.fromEntries(
      Object.keys(item)
        .filter((key) => !omitted.has(key))
        .sort()
        .map((key) => [key, (item as Record<string, unknown>)[key]]),
    );
  });
}

/**
 * The words a state holds for people — factor labels, the AI's reasons and the glossary terms
 * they cite, an outcome's reason — are derived from the numbers and ids beside them, the scenario
 * and the code's wording. A checksum leaves them out, so that rewording a label or a reason never
 * makes a saved game fail to verify; the moves, positions, numbers, ids and dice it keeps are what
 * a game is.
 */
const WORDS = new Set(['label', 'reasons', 'reason', 'terms']);

/** The checksum of one point of a game: its phase and the meaning of its state (format 5 on). */
export function stateChecksum(phase: Phase, game: GameState | null): string {
  return hashText(canonicalJson([phase, game], WORDS));
}

/** How a session's states are checksummed: by phase and game state, whatever the format. */
export type StateChecksum = (phase: Phase, game: GameState | null) => string;

/** One checksum for a whole trail of state checksums. */
export function trailChecksum(trail: readonly string[]): string {
  return hashText(trail.join(','));
}
