/**
 * Session files in the browser: one taken from the player (a file picked or dropped), refused
 * unread when too large, read as UTF-8 and verified; and one handed to the player, a .json download
 * named for its players, the game and the day.
 */
import { parseJsonText } from '../../engine/json-text.ts';
import type { Checked } from '../../engine/scenario/problems.ts';
import { sessionSizeProblem, verifySession, type VerifiedSession } from '../../engine/session/load.ts';
import { el } from '../ui/dom.ts';
import { readTextFile } from '../ui/file-input.ts';

/** A session file as saved games and the class view take it: checked and replayed in full, or why not. */
export async function readSessionFile(file: File): Promise<Checked<VerifiedSession>> {
  const tooLarge = sessionSizeProblem(file.size);
  if (tooLarge) return tooLarge;
  // Read as bytes, UTF-8 only: invalid bytes are refused, not replaced.
  const text = await readTextFile(file);
  const parsed = text.ok ? parseJsonText(text.value) : text;
  return parsed.ok ? verifySession(parsed.value) : parsed;
}

/** Lower case letters and digits of any script, runs of anything else made one hyphen: no spaces, dots or slashes. */
function slug(text: string, max: number): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return Array.from(words).slice(0, max).join('').replace(/-$/, '');
}

/** The players' names a session document holds, in its order; nothing for a document without them. */
function playerNames(session: unknown): string[] {
  const players = typeof session === 'object' && session !== null ? (session as { players?: unknown }).players : undefined;
  if (typeof players !== 'object' || players === null) return [];
  return Object.values(players).filter((name): name is string => typeof name === 'string');
}

/**
 * The download's file name: "red-lines-", the players' names, `name` (a scenario id or the game's
 * name in the library), and the day, e.g. red-lines-alice-week-3-2026-01-12.json.
 */
export function sessionFileName(session: unknown, name: string, day: Date): string {
  const parts = [...playerNames(session).map((player) => slug(player, 30)), slug(name, 40)].filter((part) => part !== '');
  return `red-lines-${parts.join('-') || 'game'}-${day.toISOString().slice(0, 10)}.json`;
}

export function downloadSession(session: unknown, name: string): void {
  const blob = new Blob([`${JSON.stringify(session, null, 1)}\n`], { type: 'application/json' });
  const link = el('a', { attrs: { href: URL.createObjectURL(blob), download: sessionFileName(session, name, new Date()) } });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
