/**
 * Reads a file named on the command line, with a one-line reason when it cannot be read. Only a
 * regular file is read, and never more than the limit: a pipe would block for ever, a device such
 * as /dev/zero never ends, and a file's reported size can be wrong (files under /proc say 0).
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { decodeText } from '../engine/json-text.ts';
import { MAX_SESSION_BYTES } from '../engine/session/format.ts';

/**
 * The largest file any command reads is a session (a scenario's own, smaller limit is applied by
 * its loader, which names the size); anything larger is refused before it is read.
 */
const MAX_FILE_BYTES = MAX_SESSION_BYTES;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };
export type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const tooLarge = (path: string) => `${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`;

/** A file's text, which must be UTF-8 (see `decodeText`). */
export async function readDocument(path: string): Promise<ReadResult> {
  const read = await readBytes(path);
  if (!read.ok) return read;
  const decoded = decodeText(read.bytes);
  return decoded.ok ? { ok: true, text: decoded.value } : { ok: false, reason: `${path}: ${decoded.problems[0]!.message}` };
}

/** A file's bytes, as they are: callers measure them before decoding them. */
export async function readBytes(path: string): Promise<BytesResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, reason: `${path} is a folder, not a file` };
    // Refused before opening: opening a pipe waits for a writer.
    if (!info.isFile()) return { ok: false, reason: `${path} is not a regular file (a pipe, socket or device)` };
    if (info.size > MAX_FILE_BYTES) return { ok: false, reason: tooLarge(path) };
    // Non-blocking, and checked again once open, in case the path was swapped for a pipe in between.
    const file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      if (!(await file.stat()).isFile()) return { ok: false, reason: `${path} is not a regular file (a pipe, socket or device)` };
      // One byte more than the limit tells a file at the limit from a larger one, whatever its size claimed.
      const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > MAX_FILE_BYTES) return { ok: false, reason: tooLarge(path) };
      return { ok: true, bytes: buffer.subarray(0, length) };
    } finally {
      await file.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { ok: false, reason: `cannot read ${path}: ${reason}` };
  }
}
