/**
 * Share links: a whole session compressed into the page address's fragment (#session=…), so the
 * link opens straight into its replay and no server ever sees it. A session on a bundled scenario
 * names it instead of embedding it, which keeps such links short; a link that would still be too
 * long is refused, and the player is offered the file instead.
 */
import { parseJsonText } from '../../engine/json-text.ts';
import type { Checked } from '../../engine/scenario/problems.ts';
import type { ScenarioInput } from '../../engine/scenario/schema.ts';
import { MAX_SESSION_BYTES } from '../../engine/session/format.ts';
import { sameScenario } from '../../engine/session/scenario-diff.ts';
import { verifySession, type VerifiedSession } from '../../engine/session/load.ts';

export const FRAGMENT_KEY = 'session=';
/** Longer links break in e-mail and learning platforms; beyond this the file is the way to share. */
export const MAX_LINK_LENGTH = 32_000;

interface Bundled {
  source: ScenarioInput;
  scenario: { meta: { id: string } };
}

const refuse = (message: string): Checked<never> => ({ ok: false, problems: [{ path: [], message }] });

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The fragment for a session (without the leading #), or null when it would be too long for a link. */
export async function encodeShareFragment(session: { scenario: unknown }, bundled: readonly Bundled[]): Promise<string | null> {
  const match = bundled.find((entry) => sameScenario(entry.source, session.scenario));
  const linkForm = match ? { ...session, scenario: { $bundled: match.scenario.meta.id } } : session;
  const compressed = await pipe(new TextEncoder().encode(JSON.stringify(linkForm)), new CompressionStream('deflate-raw'));
  const fragment = FRAGMENT_KEY + toBase64Url(compressed!);
  return fragment.length <= MAX_LINK_LENGTH ? fragment : null;
}

/** The session document a fragment holds, ready for the session checks; never throws. */
export async function decodeShareFragment(fragment: string, bundled: readonly Bundled[]): Promise<Checked<unknown>> {
  const data = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!data.startsWith(FRAGMENT_KEY)) return refuse('the link holds no session');
  const bytes = fromBase64Url(data.slice(FRAGMENT_KEY.length));
  if (!bytes) return refuse('the link is damaged: it is not valid base64url');
  let json: Uint8Array | null;
  try {
    // A decompressed session larger than a session file may be is refused before it is parsed.
    json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_SESSION_BYTES);
  } catch {
    return refuse('the link is damaged: it does not decompress (was it cut short?)');
  }
  if (!json) return refuse('the session in the link is too large');
  const parsed = parseJsonText(new TextDecoder().decode(json));
  if (!parsed.ok) return parsed;
  const document = parsed.value as { scenario?: unknown };
  const named =
    typeof document === 'object' && document !== null && typeof document.scenario === 'object' && document.scenario !== null
      ? (document.scenario as { $bundled?: unknown }).$bundled
      : undefined;
  if (named === undefined) return parsed;
  const entry = bundled.find((item) => item.scenario.meta.id === named);
  if (!entry) return refuse(`the link names a scenario this version of the game does not have ("${String(named)}")`);
  return { ok: true, value: { ...document, scenario: entry.source } };
}

/** The verified session a share link holds (checked and replayed like any session file); never throws. */
export async function openShareFragment(fragment: string, bundled: readonly Bundled[]): Promise<Checked<VerifiedSession>> {
  const decoded = await decodeShareFragment(fragment, bundled);
  return decoded.ok ? verifySession(decoded.value) : decoded;
}
