/** Reads a file named on the command line, with a one-line reason when it cannot be read. */
import { readFile, stat } from 'node:fs/promises';

/** Scenario and session files are small; anything larger is refused before it is read. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export async function readDocument(path: string): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, reason: `${path} is a folder, not a file` };
    if (info.size > MAX_FILE_BYTES) return { ok: false, reason: `${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB` };
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, reason: `cannot read ${path}: ${reason}` };
  }
}
