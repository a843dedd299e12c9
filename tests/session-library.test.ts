import { describe, expect, it } from 'vitest';
import { recordSession } from '../src/engine/session/record.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import {
  libraryEntry,
  listLibrary,
  putEntry,
  readEntry,
  removeEntry,
  SESSION_PREFIX,
  summarize,
} from '../src/game/play/session-library.ts';
import type { KeyValueStore } from '../src/storage/key-value.ts';
import { againstAi, geneva, genevaSource, hotseat } from './helpers.ts';

function memory(): KeyValueStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    kind: 'memory',
    values,
    get: async (key) => values.get(key),
    set: async (key, value) => (values.set(key, structuredClone(value)), { ok: true }),
    delete: async (key) => void values.delete(key),
    entries: async (prefix) => [...values].filter(([key]) => key.startsWith(prefix)),
  };
}

const game = (seed: number) => {
  const setup = againstAi(geneva, 'ru-bluffer', seed);
  const played = playGame(geneva, setup, { us: 'hawk' });
  return { played, session: { ...recordSession(geneva, genevaSource(), setup, played.events), savedAt: `2026-11-0${seed}T10:00:00.000Z` } };
};

describe('the saved-games library', () => {
  it('summarises a game for the list', () => {
    const { played } = game(1);
    expect(summarize(geneva, played.final)).toEqual({
      scenarioTitle: geneva.meta.title,
      side: 'United States / NATO',
      opponent: 'AI: The Bluffer',
      roundsPlayed: played.final.rounds.length,
      outcome: played.final.outcome!.kind,
    });
    const hot = playGame(geneva, hotseat(2), { us: 'dove', ru: 'dove' });
    expect(summarize(geneva, hot.final).opponent).toBe('two players (hot-seat)');
  });

  it('lists entries newest first, skips anything malformed, and removes and restores them', async () => {
    const store = memory();
    const [a, b] = [game(1), game(2)];
    await putEntry(store, libraryEntry('a', 'First', a.session, geneva, a.played.final));
    await putEntry(store, libraryEntry('b', 'Second', b.session, geneva, b.played.final));
    store.values.set(`${SESSION_PREFIX}junk`, { id: 'junk', name: 42 });
    store.values.set(`${SESSION_PREFIX}worse`, 'not an entry');
    expect((await listLibrary(store)).map((entry) => entry.name)).toEqual(['Second', 'First']);
    expect(await readEntry(store, 'junk')).toBeNull();
    await removeEntry(store, 'b');
    expect((await listLibrary(store)).map((entry) => entry.id)).toEqual(['a']);
    expect(await readEntry(store, 'a')).toMatchObject({ id: 'a', name: 'First', summary: { outcome: a.played.final.outcome!.kind } });
  });
});
