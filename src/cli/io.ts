/** Where a command writes, so that tests can run commands in-process and read what they print. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Control characters other than tab and newline, and the marks that reverse text direction: a
 * scenario or session file can hold them (in a title, a key name), and written raw to a terminal
 * they could clear the screen, recolour it or reorder the words shown.
 */
function unprintable(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** The text as a terminal should show it: every control character spelt out (ESC as "\x1B"). */
export function printable(text: string): string {
  return [...text]
    .map((char) => {
      const code = char.codePointAt(0)!;
      return unprintable(code) ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : char;
    })
    .join('');
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${printable(line)}\n`),
  err: (line) => process.stderr.write(`${printable(line)}\n`),
};

export const EXIT = { ok: 0, invalid: 1, unusable: 2 } as const;
