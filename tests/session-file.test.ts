/**
 * The one way a session file enters the browser (saved games and the class view): refused unread
 * when too large, read as UTF-8 only, checked and replayed in full. And scenario identity, which
 * does not depend on the order an object's keys were written in.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_SESSION_BYTES } from '../src/engine/session/format.ts';
import { verifySession } from '../src/engine/session/load.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { sameScenario } from '../src/engine/session/scenario-diff.ts';
import { sealed } from '../src/engine/session/seal.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { readSessionFile } from '../src/game/play/session-file.ts';
import { decodeShareFragment, encodeShareFragment } from '../src/game/play/share-link.ts';
import { againstAi, geneva, genevaSource } from './helpers.ts';

const FORMAT_3_TEXT = readFileSync(new URL('fixtures/session-format-3.json', import.meta.url), 'utf8');
const setup = againstAi(geneva, 'ru-pragmatist', 7);
const played = playGame(geneva, setup, { us: 'dove' });
const session = recordSession(geneva, genevaSource(), setup, played.events);
const fileOf = (text: string | Uint8Array, name = 'game.json') => new File([text as BlobPart], name, { type: 'application/json' });
const firstMessage = (result: { ok: boolean; problems?: { message: string }[] }) => (result.ok ? 'ok' : result.problems![0]!.message);

const otherTone = (tone: string) => (tone === 'firm' ? 'conciliatory' : 'firm');

/** The same scenario with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reversedKeys(item)]),
  );
}

describe('reading a session file', () => {
  it('a saved session verifies and gives every state of its game, the last one the end of the game', async () => {
    const read = await readSessionFile(fileOf(`${JSON.stringify(session, null, 1)}\n`));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.session.checksum).toBe(session.checksum);
    expect(read.value.snapshots).toHaveLength(session.events.length + 1);
    expect(read.value.snapshots.at(-1)!.context.game).toEqual(played.final);
  });

  it('a file over the limit is refused by its size, without being read', async () => {
    const huge = {
      name: 'huge.json',
      size: MAX_SESSION_BYTES + 1,
      arrayBuffer: () => Promise.reject(new Error('read')),
    } as unknown as File;
    expect(firstMessage(await readSessionFile(huge))).toBe('the file is 8.0 MiB; session files may be at most 8 MiB');
  });

  it('a file that is not UTF-8 is refused with its first bad byte, not read with replacement characters', async () => {
    const text = new TextEncoder().encode(JSON.stringify({ ...session, name: 'Caf_' }));
    text[text.indexOf('_'.charCodeAt(0))] = 0xe9;
    expect(firstMessage(await readSessionFile(fileOf(text)))).toMatch(/^the file is not UTF-8 text: byte \d+ \(0xE9\)/);
  });

  it('a file that is not JSON, or not a session, says why', async () => {
    expect(firstMessage(await readSessionFile(fileOf('{"format": ')))).toMatch(/^invalid JSON at line 1/);
    expect(firstMessage(await readSessionFile(fileOf('[]')))).toBe('expected a session: a JSON object');
  });

  it('a session whose moves were changed and sealed again is refused by its replay', async () => {
    const at = session.events.findIndex((timed) => timed.event.type === 'PROPOSE');
    const events = session.events.map((timed, i) =>
      i === at && timed.event.type === 'PROPOSE'
        ? { ...timed, event: { ...timed.event, proposal: { ...timed.event.proposal, tone: otherTone(timed.event.proposal.tone) } } }
        : timed,
    );
    expect(events[at]).not.toEqual(session.events[at]);
    const altered = sealed({ ...session, events });
    expect(firstMessage(await readSessionFile(fileOf(JSON.stringify(altered))))).toMatch(
      /^the replay diverges from the recorded game at event \d+ of \d+ \(/,
    );
  });

  it('a file of format 3, written before the seal, still verifies', async () => {
    const read = await readSessionFile(fileOf(FORMAT_3_TEXT));
    expect(read.ok && read.value.session.formatVersion).toBe(3);
    expect(verifySession(JSON.parse(FORMAT_3_TEXT)).ok).toBe(true);
  });
});

describe('scenario identity', () => {
  it('the same scenario with its keys in another order is the same scenario; any changed value makes another', () => {
    expect(sameScenario(genevaSource(), reversedKeys(genevaSource()))).toBe(true);
    const changed = genevaSource() as { meta: { title: string } };
    changed.meta.title += ' (edited)';
    expect(sameScenario(genevaSource(), changed)).toBe(false);
  });

  it('a share link names the bundled scenario whatever the key order of the embedded one, and still verifies', async () => {
    const bundled = [{ source: genevaSource(), scenario: geneva }];
    const reordered = recordSession(geneva, reversedKeys(genevaSource()) as typeof session.scenario, setup, played.events);
    const fragment = (await encodeShareFragment(reordered, bundled))!;
    expect(fragment.length).toBeLessThan(2000);
    const decoded = await decodeShareFragment(fragment, bundled);
    expect(decoded.ok && verifySession(decoded.value).ok).toBe(true);
  });
});
