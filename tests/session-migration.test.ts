import { describe, expect, it } from 'vitest';
import { SESSION_VERSION } from '../src/engine/session/format.ts';
import { checkSession, replaySession } from '../src/engine/session/load.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { againstAi, geneva, genevaSource, mustLoad } from './helpers.ts';

const setup = againstAi(geneva, 'ru-hardliner', 5);
const current = recordSession(geneva, genevaSource(), setup, playGame(geneva, setup, { us: 'greedy' }).events, 'Week 3 — Alice');

describe('session format versions', () => {
  it('sessions are written at the current version, with the game’s name', () => {
    expect(current.formatVersion).toBe(SESSION_VERSION);
    expect(current.name).toBe('Week 3 — Alice');
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

describe('the players’ names: an optional field of version 3, outside every checksum', () => {
  const named = recordSession(geneva, genevaSource(), setup, playGame(geneva, setup, { us: 'greedy' }).events, 'Week 3', { us: 'Alice' });
  const check = (players: unknown) => checkSession(JSON.parse(JSON.stringify({ ...current, players })) as unknown);

  it('a file without names (every file before them) and a file with them load and replay alike, at the same version', () => {
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
    // Names added to, changed in or taken from a recorded file leave its replay verified.
    const renamed = check({ us: 'Someone else', ru: 'Dan' });
    expect(renamed.ok && replaySession(renamed.value).problems).toEqual([]);
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
