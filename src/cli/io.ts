/** Where a command writes, so that tests can run commands in-process and read what they print. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export const EXIT = { ok: 0, invalid: 1, unusable: 2 } as const;
