/** Where a command writes, so that tests can run commands in-process and read what they print. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

// eslint-disable-next-line no-control-regex -- control characters are what this finds
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * The text as a terminal should show it. Control characters other than tab and newline, and the
 * marks that reverse text direction, can come from any file (a title, a key name): written raw
 * they could clear the screen, recolour it or reorder the words shown. They are spelt out as JSON
 * spells them (ESC as "\u001B"), so that printed JSON stays JSON and means what it meant.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${printable(line)}\n`),
  err: (line) => process.stderr.write(`${printable(line)}\n`),
};

export const EXIT = { ok: 0, invalid: 1, unusable: 2 } as const;
