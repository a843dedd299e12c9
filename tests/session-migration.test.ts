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

  it('a version 1 file (no name) is migrated: named after its scenario, and it still verifies', () => {
    const { name: _dropped, ...rest } = current;
    const older = JSON.parse(JSON.stringify({ ...rest, formatVersion: 1 })) as unknown;
    const checked = checkSession(older);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.session.formatVersion).toBe(SESSION_VERSION);
    expect(checked.value.session.name).toBe(geneva.meta.title);
    expect(replaySession(checked.value).problems).toEqual([]);
  });

  it('a version 1 file whose scenario has no usable title still gets a name, and its other problems are reported', () => {
    const older = JSON.parse(
      JSON.stringify({ ...current, formatVersion: 1, name: undefined, scenario: { meta: { title: 42 } } }),
    ) as unknown;
    const checked = checkSession(older);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.every((problem) => problem.path[0] === 'scenario')).toBe(true);
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
