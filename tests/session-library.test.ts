import { describe, expect, it } from 'vitest';
import { GameRun } from '../src/engine/machine/game-run.ts';
import type { GameState, Setup } from '../src/engine/rules/state.ts';
import type { TimedEvent } from '../src/engine/session/format.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import {
  entryOfSameGame,
  gameName,
  importedGameName,
  libraryEntry,
  listLibrary,
  newGameName,
  putEntry,
  readEntry,
  removeEntry,
  SESSION_PREFIX,
  summarise,
} from '../src/game/play/session-library.ts';
import { sessionFileName } from '../src/game/play/session-file.ts';
import type { KeyValueStore } from '../src/storage/key-value.ts';
import { checkSession } from '../src/engine/session/load.ts';
import type { Scenario } from '../src/engine/scenario/schema.ts';
import { againstAi, geneva, genevaSource, genevaWith, hotseat, setPath } from './helpers.ts';

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
  return {
    played,
    session: recordSession(geneva, genevaSource(), setup, played.events, {
      name: geneva.meta.title,
      savedAt: `2026-11-0${seed}T10:00:00.000Z`,
    }),
  };
};

/** The state a game has reached after its first `count` events: a game still in progress. */
function partway(setup: Setup, events: readonly TimedEvent[], count: number, scenario: Scenario = geneva): GameState {
  const run = new GameRun(scenario);
  run.start(setup);
  for (const { event } of events.slice(0, count)) run.send(event);
  return run.snapshot.context.game!;
}

describe('the saved-games library', () => {
  it('summarises a game for the list, with its players', () => {
    const { played } = game(1);
    expect(summarise(geneva, played.final, { us: 'Alice' })).toEqual({
      scenarioTitle: geneva.meta.title,
      players: 'Alice',
      side: 'United States / NATO',
      opponent: 'AI: Russia, The Bluffer',
      roundsPlayed: played.final.rounds.length,
      outcome: played.final.outcome!.kind,
    });
    expect(summarise(geneva, played.final).players).toBe('');
    const hot = playGame(geneva, hotseat(2), { us: 'dove', ru: 'dove' });
    expect(summarise(geneva, hot.final, { ru: 'Dan', us: 'Carol' })).toMatchObject({
      opponent: 'two players (hot-seat)',
      players: 'Carol (US/NATO), Dan (Russia)',
    });
  });

  it('never names the AI’s persona before the game is over: it stays hidden until the debrief', () => {
    const { played } = game(1);
    const unfinished = partway(againstAi(geneva, 'ru-bluffer', 1), played.events, 4);
    expect(unfinished.outcome).toBeNull();
    const summary = summarise(geneva, unfinished);
    expect(summary.opponent).toBe('AI: Russia, persona hidden');
    expect(JSON.stringify(summary)).not.toMatch(/Bluffer/);
  });

  it('remakes a summary cached before names, which named the persona of a game in progress, from its session', async () => {
    const store = memory();
    const { played } = game(1);
    const setup = againstAi(geneva, 'ru-bluffer', 1);
    const session = recordSession(geneva, genevaSource(), setup, played.events.slice(0, 4), {
      name: 'Mine',
      players: { us: 'Alice' },
      savedAt: 'x',
    });
    const cached = {
      scenarioTitle: geneva.meta.title,
      side: 'United States / NATO',
      opponent: 'AI: The Bluffer',
      roundsPlayed: 1,
      outcome: null,
    };
    store.values.set(`${SESSION_PREFIX}old`, { id: 'old', name: 'Mine', savedAt: '2026-01-01', summary: cached, session });
    store.values.set(`${SESSION_PREFIX}bad`, {
      id: 'bad',
      name: 'Bad',
      savedAt: '2026-01-02',
      summary: cached,
      session: { format: 'other' },
    });
    const [bad, old] = await listLibrary(store);
    expect(old!.summary).toEqual({ ...cached, opponent: 'AI: Russia, persona hidden', players: 'Alice' });
    expect(bad!.summary.opponent).toBe('not known (the saved game is damaged)');
    // A finished game's cached summary may name its persona: the debrief has revealed it.
    const done = libraryEntry('done', 'Done', game(2).session, geneva, game(2).played.final);
    const finished = { ...cached, roundsPlayed: 3, outcome: done.summary.outcome };
    await putEntry(store, { ...done, savedAt: '2026-01-03', summary: finished });
    expect((await listLibrary(store))[0]!.summary).toEqual(finished);
  });

  it('names a downloaded session file for its players, its game and the day, with nothing a file system could trip on', () => {
    const day = new Date('2026-01-12T09:00:00Z');
    expect(sessionFileName({}, 'Week 3 — Alice', day)).toBe('red-lines-week-3-alice-2026-01-12.json');
    expect(sessionFileName({ players: { us: 'Zoë O’Brien', ru: '../../etc/passwd' } }, 'geneva-2022', day)).toBe(
      'red-lines-zoë-o-brien-etc-passwd-geneva-2022-2026-01-12.json',
    );
    expect(sessionFileName({ players: { us: 'Карина' } }, 'geneva-2022', day)).toBe('red-lines-карина-geneva-2022-2026-01-12.json');
    expect(sessionFileName({ players: { us: 'CON:*?<>|' } }, '—', day)).toBe('red-lines-con-2026-01-12.json');
    expect(sessionFileName(null, '', day)).toBe('red-lines-game-2026-01-12.json');
    expect(sessionFileName({ players: 'Alice' }, 'x'.repeat(300), day)).toBe(`red-lines-${'x'.repeat(40)}-2026-01-12.json`);
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

  it('a game on a scenario with the longest title the format allows is saved, listed and restored, its name shortened with an ellipsis', async () => {
    const title = `The ${'very '.repeat(21)}long crisis`.padEnd(120, '!');
    expect(title).toHaveLength(120);
    const scenario = genevaWith((doc) => setPath(doc, ['meta', 'title'], title));
    const name = newGameName(title, 'US/NATO', '30/11/2026, 10:00:00');
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name).toMatch(/^The very very .+… — US\/NATO, 30\/11\/2026, 10:00:00$/);
    expect(name.length).toBeGreaterThan(110);
    expect(newGameName('Geneva', 'US', 'today')).toBe('Geneva — US, today');
    // A game taken over from one with the longest name keeps within the cap too.
    expect(gameName(name, 'taken over at event 12')).toMatch(/^The very .+… — taken over at event 12$/);
    expect(gameName(name, 'taken over at event 12').length).toBeLessThanOrEqual(120);
    // Whole characters only: an emoji at the cut is kept whole or left out, never halved.
    expect(newGameName('😀'.repeat(60), 'US', '30/11/2026, 10:00:00')).toMatch(/^(😀)+… — US, 30\/11\/2026, 10:00:00$/u);

    const setup = againstAi(scenario, 'ru-bluffer', 1);
    const played = playGame(scenario, setup, { us: 'hawk' });
    const source = JSON.parse(JSON.stringify(scenario)) as never;
    const session = recordSession(scenario, source, setup, played.events.slice(0, 3), { name, savedAt: '2026-11-30T10:00:00.000Z' });
    expect(checkSession(JSON.parse(JSON.stringify(session))).ok).toBe(true);
    const store = memory();
    await putEntry(store, libraryEntry('long', name, session, scenario, partway(setup, played.events, 3, scenario)));
    expect((await readEntry(store, 'long'))?.name).toBe(name);
    expect((await listLibrary(store)).map((entry) => entry.id)).toEqual(['long']);
  });

  it('an imported game is named after the game, and the same game imported again is found in the library', async () => {
    const store = memory();
    const { played, session } = game(3);
    const named = recordSession(geneva, genevaSource(), played.final.setup, played.events, {
      name: 'Mine',
      players: { us: 'Alice' },
      savedAt: '2026-11-30T09:00:00.000Z',
    });
    expect(importedGameName(geneva, named)).toBe('Geneva 2022 — the January talks, as they happened — US/NATO, Alice, 2026-11-30');
    await putEntry(store, libraryEntry('a', importedGameName(geneva, session), session, geneva, played.final));
    const entries = await listLibrary(store);
    // The same file read back (its keys in another order) is the same game; the game under other names is not.
    const again = JSON.parse(JSON.stringify(session)) as object;
    expect(entryOfSameGame(entries, again)?.id).toBe('a');
    expect(entryOfSameGame(entries, named)).toBeUndefined();
  });
});
