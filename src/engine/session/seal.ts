/**
 * The seal of a session file (format 4 on): the checksum of the canonical JSON of every top-level
 * field but the seal itself, one per field, so that a change anywhere in the file — the embedded
 * scenario's text and scoring, the names, the times, the annotations — is refused, and the refusal
 * names the field that changed. The state checksums prove the moves; the seal proves the rest.
 *
 * A seal shows that a file is the one Red Lines wrote, not who wrote it: anyone with the code can
 * seal an edited file again. What settles a doubt is comparing the embedded scenario with the
 * instructor's own (`red-lines replay FILE --scenario ORIGINAL`, the class view's reference).
 */
import type { Problem } from '../scenario/problems.ts';
import { canonicalJson, hashText } from './checksum.ts';

export type Seal = Record<string, string>;

/** The fields of a document the seal covers: every one but the seal (a field JSON would drop is no field). */
function sealedFields(document: object): [string, unknown][] {
  return Object.entries(document).filter(([key, value]) => key !== 'seal' && value !== undefined);
}

/**
 * The seal of a document. `known` holds checksums of fields the caller has already computed from
 * the very values the document holds (a game's writer seals its unchanging scenario once).
 */
export function sealOf(document: object, known: Readonly<Seal> = {}): Seal {
  return Object.fromEntries(
    sealedFields(document)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => [key, Object.hasOwn(known, key) ? known[key]! : hashText(canonicalJson(value))]),
  );
}

/** The document with a seal of what it holds now. */
export function sealed<T extends object>(document: T, known: Readonly<Seal> = {}): T & { seal: Seal } {
  const { seal: _old, ...rest } = document as T & { seal?: Seal };
  return { ...(rest as T), seal: sealOf(rest, known) };
}

/**
 * What in a document does not match its seal, field by field: a field changed, added or removed
 * after the file was sealed. `seal` must already be a record of checksums.
 */
export function sealProblems(document: Record<string, unknown>, seal: Seal): Problem[] {
  const now = sealOf(document);
  const problems: Problem[] = [];
  for (const key of [...new Set([...Object.keys(now), ...Object.keys(seal)])].sort()) {
    if (!Object.hasOwn(seal, key))
      problems.push({ path: [key], message: 'not covered by the seal: added after the file was sealed (altered)' });
    else if (!Object.hasOwn(now, key))
      problems.push({ path: [key], message: 'missing: the seal covers it, so it was removed after the file was sealed (altered)' });
    else if (now[key] !== seal[key])
      problems.push({ path: [key], message: 'does not match the seal: changed after the file was sealed (altered)' });
  }
  return problems;
}

/**
 * One checksum for a whole session document whatever its format: the same file imported twice has
 * the same identity, and two games that differ in anything (a name, a time) do not.
 */
export function sessionIdentity(document: object): string {
  return hashText(canonicalJson(Object.fromEntries(sealedFields(document))));
}

/** What "verified" covers for a file of this format, in words for the person reading a replay. */
export function verificationCoverage(formatVersion: number): string {
  return formatVersion >= 4
    ? `format ${formatVersion}: the whole file is sealed, and the moves replay to every recorded state`
    : `format ${formatVersion}: the moves and states are covered; the scenario text, names and times are not`;
}

/** The same, in the few words a replay's header has room for. */
export function verificationNote(formatVersion: number): string {
  return formatVersion >= 4 ? 'verified: whole file sealed' : `verified: moves and states only (format ${formatVersion})`;
}

/**
 * A session document under another name (the library's Rename): sealed again only when its seal
 * held before, so renaming never makes an altered file pass. A file without a seal stays so.
 */
export function renamedSession(document: unknown, name: string): unknown {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return document;
  const raw = document as Record<string, unknown>;
  const seal = raw.seal;
  const held = typeof seal === 'object' && seal !== null && sealProblems(raw, seal as Seal).length === 0;
  return held ? sealed({ ...raw, name }) : { ...raw, name };
}
