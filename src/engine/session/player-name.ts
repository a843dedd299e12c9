/**
 * The players' names a session may carry: a student's name as typed, kept to one tidy line. Names
 * are about the people, never the game: the rules never read them and no state checksum covers them (the file's seal does).
 * This module has no dependencies, so the settings in the start-up bundle can use it too.
 */

/** Long enough for any real name, short enough for a table cell and a file name (in UTF-16 units, as JSON Schema counts). */
export const PLAYER_NAME_MAX = 60;

/** A typed name on one line: control characters dropped, runs of spaces made one, ends trimmed, cut to the limit. */
export function cleanPlayerName(text: string): string {
  const line = text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  let kept = '';
  // Whole characters only: a cut through a surrogate pair would leave half an emoji.
  for (const char of line) {
    if (kept.length + char.length > PLAYER_NAME_MAX) break;
    kept += char;
  }
  return kept.trimEnd();
}
