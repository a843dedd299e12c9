import { describe, expect, it } from 'vitest';
import { checkSession, replaySession } from '../src/engine/session/load.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { sealed } from '../src/engine/session/seal.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { decodeShareFragment, encodeShareFragment, MAX_LINK_LENGTH } from '../src/game/play/share-link.ts';
import { againstAi, geneva, genevaSource } from './helpers.ts';

const bundled = [{ source: genevaSource(), scenario: geneva }];
const setup = againstAi(geneva, 'ru-pragmatist', 12);
const session = recordSession(geneva, genevaSource(), setup, playGame(geneva, setup, { us: 'dove' }).events);

describe('share links', () => {
  it('carry a whole session that verifies on the other side', async () => {
    const fragment = (await encodeShareFragment(session, bundled))!;
    expect(fragment).toMatch(/^session=[A-Za-z0-9_-]+$/);
    const decoded = await decodeShareFragment(`#${fragment}`, bundled);
    expect(decoded.ok && JSON.stringify(decoded.value)).toBe(JSON.stringify(session));
    const checked = checkSession(decoded.ok ? decoded.value : null);
    expect(checked.ok && replaySession(checked.value).problems).toEqual([]);
  });

  it('carry the players’ names with the session', async () => {
    const named = sealed({ ...session, players: { us: 'Alice' } });
    const decoded = await decodeShareFragment((await encodeShareFragment(named, bundled))!, bundled);
    const checked = checkSession(decoded.ok ? decoded.value : null);
    expect(checked.ok && checked.value.session.players).toEqual({ us: 'Alice' });
  });

  it('name a bundled scenario instead of embedding it, and embed any other', async () => {
    const named = (await encodeShareFragment(session, bundled))!;
    const embedded = (await encodeShareFragment(session, []))!;
    expect(named.length).toBeLessThan(2000);
    expect(embedded.length).toBeGreaterThan(named.length * 5);
    expect(embedded.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    const decoded = await decodeShareFragment(embedded, []);
    expect(decoded.ok && JSON.stringify(decoded.value)).toBe(JSON.stringify(session));
  });

  it('refuse sessions too long for a link', async () => {
    // Text that does not compress: a hash of each index, in base 36.
    const noise = Array.from({ length: 20_000 }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 0).toString(36)).join('');
    const long = { ...session, annotations: [{ event: 0, text: noise }] };
    expect(await encodeShareFragment(long, [])).toBeNull();
  });

  it('say what is wrong with a damaged link, never throw', async () => {
    const fragment = (await encodeShareFragment(session, bundled))!;
    const message = async (text: string) => {
      const decoded = await decodeShareFragment(text, bundled);
      return decoded.ok ? 'ok' : decoded.problems[0]!.message;
    };
    expect(await message('#nothing-here')).toBe('the link holds no session');
    expect(await message('#session=%%%')).toMatch(/not valid base64url/);
    expect(await message(`#${fragment.slice(0, fragment.length - 30)}`)).toMatch(/does not decompress|invalid JSON/);
    expect(await message(`#${fragment}`.replace('session=', 'session=AAAA'))).not.toBe('ok');
    expect(await decodeShareFragment(`#${fragment}`, [])).toEqual({
      ok: false,
      problems: [{ path: [], message: 'the link names a scenario this version of the game does not have ("geneva-2022")' }],
    });
  });
});
