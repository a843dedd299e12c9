import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dice, seedState } from '../src/engine/random.ts';
import { SESSION_VERSION, setupOf, type Session } from '../src/engine/session/format.ts';
import { checkSession, loadSessionText, replaySession, verifySession } from '../src/engine/session/load.ts';
import { recordingRun, recordSession, SessionWriter } from '../src/engine/session/record.ts';
import { sealed, verificationCoverage } from '../src/engine/session/seal.ts';
import { botEvent, playGame } from '../src/engine/simulation/play.ts';
import { againstAi, geneva, genevaSource, mustLoad } from './helpers.ts';

/** A file written by Red Lines before the seal (format 3), by the code of that time. */
const FORMAT_3_TEXT = readFileSync(new URL('fixtures/session-format-3.json', import.meta.url), 'utf8');

/**
 * Files written by the code of format 4, whose checksums hashed the machine's state names and the
 * states' words: Geneva against the AI to a war, INF and Cuba at one screen, stopped half way.
 */
const FORMAT_4 = ['geneva-2022', 'inf-1987', 'cuba-1962'].map((name) => ({
  name,
  text: readFileSync(new URL(`fixtures/session-format-4-${name}.json`, import.meta.url), 'utf8'),
}));

const setup = againstAi(geneva, 'ru-hardliner', 5);
const current = recordSession(geneva, genevaSource(), setup, playGame(geneva, setup, { us: 'greedy' }).events, { name: 'Week 3 — Alice' });

describe('session format versions', () => {
  it('sessions are written at the current version, with the game’s name, and sealed', () => {
    expect(current.formatVersion).toBe(SESSION_VERSION);
    expect(SESSION_VERSION).toBe(5);
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

describe('sessions written before states were checksummed by their meaning (format 4)', () => {
  it.each(FORMAT_4)('$name still loads and replays to every state it recorded, its seal holding', ({ text }) => {
    const checked = loadSessionText(text);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.session.formatVersion).toBe(4);
    const replay = replaySession(checked.value);
    expect(replay.problems).toEqual([]);
    expect(replay.snapshots).toHaveLength(checked.value.session.events.length + 1);
    expect(verificationCoverage(4)).toMatch(/whole file is sealed/);
  });

  it('a format 4 file with a move changed is still refused where it diverges', () => {
    const doc = JSON.parse(FORMAT_4[0]!.text) as Session;
    const proposal = doc.events.find((timed) => timed.event.type === 'PROPOSE')!;
    if (proposal.event.type === 'PROPOSE') proposal.event.proposal.tone = proposal.event.proposal.tone === 'firm' ? 'conciliatory' : 'firm';
    const checked = checkSession(sealed(doc));
    expect(checked.ok).toBe(true);
    if (checked.ok)
      expect(
        replaySession(checked.value)
          .problems.map((problem) => problem.message)
          .join(),
      ).toMatch(/diverges/);
  });

  it('a game continued from a format 4 file is saved in today’s format, and that file verifies', () => {
    const checked = loadSessionText(FORMAT_4[1]!.text);
    if (!checked.ok) throw new Error('the INF fixture does not load');
    const { session, scenario } = checked.value;
    const run = recordingRun(scenario);
    expect(run.restore(setupOf(session), session.events)).toBe(true);
    const dice = new Dice(seedState('continue'));
    for (let event = botEvent(run, { us: 'dove', su: 'hawk' }, dice); event; event = botEvent(run, { us: 'dove', su: 'hawk' }, dice)) {
      expect(run.send(event, 1000)).toBe(true);
    }
    const continued = new SessionWriter(session.scenario).write(run, { name: session.name, players: session.players });
    expect(continued.formatVersion).toBe(SESSION_VERSION);
    const verified = verifySession(JSON.parse(JSON.stringify(continued)));
    expect(verified.ok).toBe(true);
    if (verified.ok) expect(verified.value.snapshots.at(-1)!.status).toBe('done');
  });
});

describe('today’s checksums: the meaning of each state, not its words', () => {
  it('a file of format 5 written when the format came (counterfactual 2022, to a walk-out) still verifies', () => {
    // Kept so that a change that alters what a checksum sees is caught here, before it breaks the players' saved games.
    const text = readFileSync(new URL('fixtures/session-format-5-counterfactual-2022.json', import.meta.url), 'utf8');
    const verified = verifySession(JSON.parse(text));
    expect(verified.ok ? [] : verified.problems).toEqual([]);
    if (verified.ok) expect(verified.value.snapshots.at(-1)!.context.game!.outcome!.kind).toBe('walkout');
  });

  it('rewording the incident leaves a game’s checksums as they were, though its states’ words changed', () => {
    // A game in which an incident happens, so that its name is among the states' words.
    const games = [...Array(60).keys()].map((seed) => ({
      seed,
      played: playGame(geneva, againstAi(geneva, 'ru-hardliner', seed), { us: 'hawk' }),
    }));
    const { seed, played } = games.find((game) => game.played.final.rounds.some((round) => round.incident?.happened))!;
    const doc = genevaSource() as unknown as { escalation: { incident: { name?: string } } };
    doc.escalation.incident.name = 'A collision at sea';
    const reworded = mustLoad(JSON.stringify(doc));
    const before = recordSession(geneva, genevaSource(), againstAi(geneva, 'ru-hardliner', seed), played.events);
    const after = recordSession(reworded, doc as never, againstAi(geneva, 'ru-hardliner', seed), played.events);
    expect(after.checksums).toEqual(before.checksums);
    expect(JSON.stringify(played.final)).toContain(geneva.escalation.incident.name);
    // Another game has other checksums: what the checksum keeps still tells games apart.
    const other = games.find((game) => game.seed !== seed)!;
    const otherSession = recordSession(geneva, genevaSource(), againstAi(geneva, 'ru-hardliner', other.seed), other.played.events);
    expect(otherSession.checksums.slice(1)).not.toEqual(before.checksums.slice(1));
  });
});

describe('the players’ names: optional, outside the state checksums, inside the seal', () => {
  const named = recordSession(geneva, genevaSource(), setup, playGame(geneva, setup, { us: 'greedy' }).events, {
    name: 'Week 3',
    players: { us: 'Alice' },
  });
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
