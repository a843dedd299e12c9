import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SESSION_VERSION } from '../src/engine/session/format.ts';
import { checkSession, loadSessionText, replaySession } from '../src/engine/session/load.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { sealed, verificationCoverage } from '../src/engine/session/seal.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { againstAi, geneva, genevaSource, mustLoad } from './helpers.ts';

/** A file written by Red Lines before the seal (format 3), by the code of that time. */
const FORMAT_3_TEXT = readFileSync(new URL('fixtures/session-format-3.json', import.meta.url), 'utf8');

const setup = againstAi(geneva, 'ru-hardliner', 5);
const current = recordSession(geneva, genevaSource(), setup, playGame(geneva, setup, { us: 'greedy' }).events, 'Week 3 — Alice');

describe('session format versions', () => {
  it('sessions are written at the current version, with the game’s name, and sealed', () => {
    expect(current.formatVersion).toBe(SESSION_VERSION);
    expect(SESSION_VERSION).toBe(4);
    expect(current.name).toBe('Week 3 — Alice');
    expect(Object.keys(current.seal!).sort()).toEqual(
      Object.keys(current)
        .filter((key) => key !== 'seal')
        .sort(),
    );
  });

  it('a file of format 3 (no seal) still loads and replays, and says what its verification covers', () => {
    const checked = loadSessionText(FORMAT_3_TEXT);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.session.formatVersion).toBe(3);
    expect(checked.value.session.players).toEqual({ us: 'Alice' });
    expect(replaySession(checked.value).problems).toEqual([]);
    expect(verificationCoverage(3)).toBe('format 3: the moves and states are covered; the scenario text, names and times are not');
    // What format 3 never covered still passes there, which is why the replay says so.
    const doc = JSON.parse(FORMAT_3_TEXT) as { scenario: { meta: { title: string } }; events: { at: number }[] };
    doc.scenario.meta.title = 'Retitled';
    doc.events[0]!.at = 5;
    const edited = checkSession(doc);
    expect(edited.ok && replaySession(edited.value).problems).toEqual([]);
  });

  it('a format 4 file whose version is set back to 3 is refused: a seal on a format 3 file means the version was changed', () => {
    const checked = checkSession(JSON.parse(JSON.stringify({ ...current, formatVersion: 3 })));
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.problems).toEqual([
        { path: ['formatVersion'], message: 'a file of format 3 has no seal: the version was changed (altered)' },
      ]);
  });

  it('files recorded under the rules before outside options (versions 1 and 2) are refused with the reason', () => {
    for (const version of [1, 2]) {
      const older = JSON.parse(JSON.stringify({ ...current, formatVersion: version })) as unknown;
      const checked = checkSession(older);
      expect(checked.ok).toBe(false);
      if (checked.ok) continue;
      expect(checked.problems).toHaveLength(1);
      expect(checked.problems[0]!.path).toEqual(['formatVersion']);
      expect(checked.problems[0]!.message).toBe(
        `session format version ${version} can no longer be replayed: it was recorded under the rules of Red Lines 0.1, before the AI weighed its outside options`,
      );
    }
  });
});

describe('the players’ names: optional, outside the state checksums, inside the seal', () => {
  const named = recordSession(geneva, genevaSource(), setup, playGame(geneva, setup, { us: 'greedy' }).events, 'Week 3', { us: 'Alice' });
  // Sealed again after the change: these tests are about the names' own rules.
  const check = (players: unknown) => checkSession(JSON.parse(JSON.stringify(sealed({ ...current, players }))) as unknown);

  it('a file without names and a file with them load and replay alike, with the same state checksums', () => {
    expect('players' in current).toBe(false);
    expect(named.players).toEqual({ us: 'Alice' });
    expect(named.formatVersion).toBe(current.formatVersion);
    expect(named.checksums).toEqual(current.checksums);
    expect(named.checksum).toBe(current.checksum);
    for (const session of [current, named]) {
      const checked = checkSession(JSON.parse(JSON.stringify(session)));
      expect(checked.ok).toBe(true);
      if (checked.ok) expect(replaySession(checked.value).problems).toEqual([]);
    }
    // Names changed in a sealed file without sealing it again: refused, naming the names.
    const renamed = checkSession(JSON.parse(JSON.stringify({ ...named, players: { us: 'Someone else' } })));
    expect(renamed.ok ? [] : renamed.problems.map((problem) => problem.path.join('.'))).toEqual(['players']);
  });

  it('names are refused unless each is one tidy line of at most 60 characters for a side of the scenario', () => {
    const problem = (players: unknown) => {
      const checked = check(players);
      return checked.ok ? 'ok' : `${checked.problems[0]!.path.join('.')}: ${checked.problems[0]!.message}`;
    };
    expect(problem({ us: 'Alice', ru: 'Дмитрий' })).toBe('ok');
    expect(problem({ us: '<img src=x onerror=alert(1)>' })).toBe('ok');
    expect(problem({ nato: 'Alice' })).toBe('players.nato: "nato" is not a side of the scenario');
    expect(problem({ us: '' })).toMatch(/^players\.us: /);
    expect(problem({ us: 'x'.repeat(61) })).toMatch(/^players\.us: /);
    expect(problem({ us: 'Alice\nBob' })).toMatch(/^players\.us: expected a name on one line/);
    expect(problem({ us: ' Alice' })).toMatch(/^players\.us: expected a name on one line/);
    expect(problem({ us: 42 })).toMatch(/^players\.us: /);
    expect(problem(['Alice'])).toMatch(/^players: /);
  });
});

describe('a session carries its own scenario', () => {
  it('replays from the embedded scenario even when the bundled copy has changed since', () => {
    const edited = genevaSource() as unknown as { meta: { title: string }; tracks: { positions: { utility: { us: number } }[] }[] };
    edited.meta.title = 'Geneva as it was when the game was played';
    edited.tracks[0]!.positions[1]!.utility.us = 55;
    const scenario = mustLoad(JSON.stringify(edited));
    const played = playGame(scenario, setup, { us: 'greedy' });
    const session = recordSession(scenario, edited as never, setup, played.events);
    const checked = checkSession(JSON.parse(JSON.stringify(session)));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.scenario.meta.title).toBe('Geneva as it was when the game was played');
    const replay = replaySession(checked.value);
    expect(replay.problems).toEqual([]);
    expect(replay.snapshots.at(-1)!.context.game).toEqual(played.final);
  });
});
