/**
 * Untrusted documents, fuzzed: random JSON, random text, mutated Geneva scenarios and mutated
 * sessions go through the loaders and the replay. Nothing may throw; every failure is a
 * non-empty list of problems with paths and messages; an altered session says where it diverges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Checked } from '../src/engine/scenario/problems.ts';
import { formatProblem } from '../src/engine/scenario/problems.ts';
import { loadScenarioText } from '../src/engine/scenario/load.ts';
import { checkSession, loadSessionText, replaySession, type LoadedSession } from '../src/engine/session/load.ts';
import { narrateGame } from '../src/engine/session/narrate.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { canonicalJson } from '../src/engine/session/checksum.ts';
import { sealed } from '../src/engine/session/seal.ts';
import { SESSION_VERSION, type Session, type TimedEvent } from '../src/engine/session/format.ts';
import {
  allPaths,
  deletePath,
  geneva,
  GENEVA_TEXT,
  genevaDoc,
  genevaSource,
  hotseat,
  playKeepingStates,
  quietStoppedActorWarnings,
  setPath,
  type Json,
  type JsonObject,
  type JsonPath,
} from './helpers.ts';
import { fuzzRuns, gameSeed, jsonValue, nameSeedOnFailure, ownValue, rerun } from './fuzz-values.ts';

nameSeedOnFailure();

const RUNS = 3000;

/** A failed check must carry problems, each with a path of keys and a message in words. */
function expectWellFormed(result: Checked<unknown>): void {
  if (result.ok) return;
  const defects: string[] = [];
  if (result.problems.length === 0) defects.push('no problems');
  for (const problem of result.problems) {
    if (typeof problem.message !== 'string' || problem.message.length === 0) defects.push(`message ${String(problem.message)}`);
    if (!Array.isArray(problem.path)) defects.push(`path ${String(problem.path)}`);
    else if (problem.path.some((key) => typeof key !== 'string' && typeof key !== 'number')) defects.push(`path ${String(problem.path)}`);
    if (typeof formatProblem(problem) !== 'string') defects.push('unformattable');
  }
  // One assertion per check keeps thousands of runs fast.
  if (defects.length > 0) expect(defects).toEqual([]);
}

function expectNoPollution(): void {
  const polluted = 'polluted' in {} || 'polluted' in [] || Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted');
  if (polluted) expect.fail('a prototype was polluted');
}

// ---------------------------------------------------------------------------------------------
// Mutations of JSON documents

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'retype'; at: number }
  | { kind: 'add-key'; at: number; key: string; value: Json }
  | { kind: 'duplicate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: jsonValue }),
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('add-key' as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'us', 'ru'), fc.string({ maxLength: 8 })),
    value: fc.oneof(fc.constant<Json>({ polluted: true }), jsonValue),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
);

function retype(value: Json | undefined): Json {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.length;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, i) => [String(i), item]));
  return Object.values(value);
}

/** Applies a mutation at one of the document's paths (chosen among `paths`, computed before) that it still has. */
function mutate(doc: Json, paths: readonly JsonPath[], change: Mutation): void {
  const path = paths[change.at % paths.length]!;
  const parent = ownValue(doc, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object' || parent === undefined) return;
  if (ownValue(doc, path) === undefined && change.kind !== 'add-key') return;
  switch (change.kind) {
    case 'delete':
      deletePath(doc, path);
      return;
    case 'replace':
      setPath(doc, path, change.value);
      return;
    case 'retype':
      setPath(doc, path, retype(ownValue(doc, path)));
      return;
    case 'add-key': {
      const target = ownValue(doc, path);
      const container = target !== null && typeof target === 'object' && !Array.isArray(target) ? target : (parent as Json);
      if (container !== null && typeof container === 'object' && !Array.isArray(container)) {
        Object.defineProperty(container, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
      }
      return;
    }
    case 'duplicate': {
      if (Array.isArray(parent)) parent.push(structuredClone(ownValue(doc, path)!));
      return;
    }
  }
}

const GENEVA_PATHS = allPaths(genevaDoc());

// ---------------------------------------------------------------------------------------------

describe('fuzzing the scenario loader', () => {
  it(`${RUNS} random JSON values: never an exception, always ok or well-formed problems`, () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = loadScenarioText(JSON.stringify(value) ?? 'null');
        expect(result.ok).toBe(false);
        expectWellFormed(result);
      }),
      fuzzRuns(RUNS),
    );
  });

  it(`${RUNS} random texts: never an exception`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.constantFrom('{', '[', '"', '{"meta":', '\\'),
        ),
        (text) => {
          const result = loadScenarioText(text);
          expect(result.ok).toBe(false);
          expectWellFormed(result);
        },
      ),
      fuzzRuns(RUNS),
    );
  });

  it(`${RUNS} mutated Geneva scenarios: deleted, replaced and retyped fields, prototype keys`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
        const doc = genevaDoc();
        for (const change of changes) mutate(doc, GENEVA_PATHS, change);
        const result = loadScenarioText(JSON.stringify(doc));
        expectWellFormed(result);
        if (result.ok) accepted++;
        expectNoPollution();
      }),
      fuzzRuns(RUNS),
    );
    // Some mutations are harmless (a changed label), most are not: both kinds were exercised.
    expect(accepted, `mutations accepted; ${rerun()}`).toBeGreaterThan(0);
    expect(accepted, `mutations accepted; ${rerun()}`).toBeLessThan(RUNS);
  });

  it(`${RUNS} truncated Geneva texts: a syntax error with a line and a column`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: GENEVA_TEXT.length - 2 }), (cut) => {
        const result = loadScenarioText(GENEVA_TEXT.slice(0, cut));
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.problems).toHaveLength(1);
          expect(result.problems[0]!.message).toMatch(/^invalid JSON at line \d+, column \d+: /);
        }
      }),
      fuzzRuns(RUNS),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Sessions

function session(policies: Record<string, 'random' | 'greedy' | 'hawk' | 'dove'>, seed: string, ai: boolean): Session {
  const setup = ai ? { seed, playerSide: 'us', opponent: { kind: 'ai' as const, persona: 'ru-pragmatist' } } : hotseat(seed);
  const played = playKeepingStates(geneva, setup, policies);
  return recordSession(geneva, genevaSource(), setup, played.events);
}

// Games of the run's seed: every run fuzzes other sessions.
const SESSIONS: Session[] = [
  session({ us: 'random', ru: 'random' }, gameSeed('session-1'), false),
  session({ us: 'dove', ru: 'hawk' }, gameSeed('session-2'), false),
  session({ us: 'greedy' }, gameSeed('session-3'), true),
];
// The longest of them, for the targeted alterations.
const LONG = [...SESSIONS].sort((a, b) => b.events.length - a.events.length)[0]!;

const asDoc = (value: Session): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

/** Loads and, when it loads, replays a session text (or a document already parsed); returns every problem found. */
function check(text: string | object): { loaded: Checked<LoadedSession>; replay: ReturnType<typeof replaySession> | null } {
  const loaded = typeof text === 'string' ? loadSessionText(text) : checkSession(text);
  expectWellFormed(loaded);
  if (!loaded.ok) return { loaded, replay: null };
  const replay = replaySession(loaded.value);
  expectWellFormed(replay.problems.length > 0 ? { ok: false, problems: replay.problems } : { ok: true, value: null });
  return { loaded, replay };
}

describe('fuzzing sessions', () => {
  quietStoppedActorWarnings();

  it('the recorded sessions verify', () => {
    expect(LONG.events.length, rerun()).toBeGreaterThanOrEqual(8);
    for (const item of SESSIONS) {
      const { replay } = check(JSON.stringify(item));
      expect(replay?.problems, rerun()).toEqual([]);
      expect(replay?.divergesAt, rerun()).toBeNull();
    }
  });

  it(`${RUNS} mutated sessions: never an exception; a mutated event log or checksum is reported`, () => {
    const docs = SESSIONS.map(asDoc);
    // Paths outside the embedded scenario (that one is fuzzed above), plus a few inside it.
    const paths = docs.map((doc) => allPaths(doc).filter((path) => path[0] !== 'scenario' || path.length <= 2));
    let detected = 0;
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, changes) => {
        const doc = structuredClone(docs[which]!);
        for (const change of changes) mutate(doc, paths[which]!, change);
        // As it is, any change is refused by the seal, naming a field that changed (a changed seal names the field it no longer matches).
        const keys = Object.keys({ ...doc, ...docs[which]! });
        const changed = keys.filter((key) => canonicalJson(ownValue(doc, [key])) !== canonicalJson(ownValue(docs[which]!, [key])));
        if (changed.includes('seal')) changed.push(...keys);
        if (changed.length > 0) {
          const asIs = checkSession(doc);
          expect(asIs.ok ? [] : [asIs.problems[0]!.path[0]]).toEqual([expect.toBeOneOf(changed)]);
        }
        const changedLog = JSON.stringify(doc.events) !== JSON.stringify(docs[which]!.events);
        const changedSums =
          JSON.stringify([doc.checksums, doc.checksum]) !== JSON.stringify([docs[which]!.checksums, docs[which]!.checksum]);
        // Sealed again, the replay must catch what changes the game (the rest is the seal's to catch).
        const { loaded, replay } = changedLog || changedSums ? check(sealed(doc)) : { loaded: null, replay: null };
        if (loaded?.ok && replay) {
          // A changed log may still be equivalent (an event's `at` time); a changed checksum never is.
          if (changedSums) expect(replay.problems.length).toBeGreaterThan(0);
          if (replay.problems.length > 0) detected++;
        }
        expectNoPollution();
      }),
      fuzzRuns(RUNS),
    );
    expect(detected, `altered sessions detected; ${rerun()}`).toBeGreaterThan(0);
  });

  it(`${RUNS} mutated embedded scenarios: never an exception; problems are under "scenario"`, () => {
    const base = asDoc(LONG);
    const scenarioPaths = allPaths(base.scenario!);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (changes) => {
        const doc = structuredClone(base);
        for (const change of changes) mutate(doc.scenario!, scenarioPaths, change);
        const { loaded } = check(JSON.stringify(doc));
        if (!loaded.ok) for (const problem of loaded.problems) expect(problem.path[0]).toBe('scenario');
      }),
      fuzzRuns(RUNS),
    );
  });

  it(`${RUNS} truncated session texts: never an exception`, () => {
    const text = JSON.stringify(LONG, null, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 2 }), (cut) => {
        const result = loadSessionText(text.slice(0, cut));
        expect(result.ok).toBe(false);
        expectWellFormed(result);
      }),
      fuzzRuns(RUNS),
    );
  });
});

// The alterations below are sealed again, as anyone with the code could: the replay must still catch them.
describe('altered sessions say where they diverge, even sealed again', () => {
  quietStoppedActorWarnings();
  const forged = (doc: JsonObject): string => JSON.stringify(sealed(doc));
  const n = LONG.events.length;

  it('an altered event: the replay diverges at that event, or refuses it', () => {
    for (let k = 0; k < n; k++) {
      const doc = asDoc(LONG);
      const timed = (doc.events as JsonObject[])[k]!;
      const event = timed.event as JsonObject;
      // Change what the event says: the tone of a statement, the kind of a reply, or a CONTINUE into a reply.
      if (event.type === 'PROPOSE')
        (event.proposal as JsonObject).tone = (event.proposal as JsonObject).tone === 'firm' ? 'belligerent' : 'firm';
      else if (event.type === 'RESPOND')
        (event.response as JsonObject).tone = (event.response as JsonObject).tone === 'firm' ? 'belligerent' : 'firm';
      else if (event.type === 'REPLY')
        (event.reply as JsonObject).kind = (event.reply as JsonObject).kind === 'reject' ? 'accept' : 'reject';
      else timed.event = { type: 'REPLY', reply: { side: 'us', kind: 'reject' } };
      const { loaded, replay } = check(forged(doc));
      const where = `event ${k + 1}; ${rerun()}`;
      expect(loaded.ok, where).toBe(true);
      expect(replay!.problems.length, where).toBeGreaterThan(0);
      const first = replay!.problems[0]!;
      const here = `event ${k + 1} of ${n} (`;
      expect(first.message, where).toContain(here);
      expect(replay!.divergesAt === k || (first.path[0] === 'events' && first.path[1] === k), where).toBe(true);
    }
  });

  it('an altered checksum: the replay diverges at the state it belongs to', () => {
    for (let i = 0; i <= n; i++) {
      const doc = asDoc(LONG);
      const sums = doc.checksums as string[];
      sums[i] = sums[i]!.startsWith('0') ? `1${sums[i]!.slice(1)}` : `0${sums[i]!.slice(1)}`;
      const { replay } = check(forged(doc));
      const where = `checksum ${i}; ${rerun()}`;
      expect(replay!.divergesAt, where).toBe(i - 1);
      expect(replay!.problems[0]!.path, where).toEqual(['checksums', i]);
      expect(replay!.problems[0]!.message, where).toContain(
        i === 0 ? 'diverges from the recorded game at the start' : `at event ${i} of ${n}`,
      );
    }
  });

  it('an altered overall checksum', () => {
    const doc = asDoc(LONG);
    doc.checksum = '00000000000000';
    const { replay } = check(forged(doc));
    expect(replay!.problems.map(formatProblem)).toEqual(['checksum: the overall checksum does not match the states']);
  });

  it('a dropped last event: one checksum too many', () => {
    const doc = asDoc(LONG);
    (doc.events as Json[]).pop();
    const { replay } = check(forged(doc));
    expect(replay!.problems.map(formatProblem)).toContain(`checksums: expected ${n} checksums, one per state; found ${n + 1}`);
  });

  it('an event after the end of the game is refused', () => {
    const doc = asDoc(LONG);
    (doc.events as Json[]).push({ at: 1e6, event: { type: 'CONTINUE' } });
    const { replay } = check(forged(doc));
    expect(replay!.problems[0]!.message).toMatch(new RegExp(`^the game does not accept event ${n + 1} of ${n + 1} \\(CONTINUE`));
  });

  it('a changed setup or seed diverges at the start', () => {
    for (const edit of [(doc: JsonObject) => (doc.seed = 999_999), (doc: JsonObject) => setPath(doc, ['setup', 'playerSide'], 'ru')]) {
      const doc = asDoc(LONG);
      edit(doc);
      const { replay } = check(forged(doc));
      expect(replay!.divergesAt).toBe(-1);
      expect(replay!.problems.map(formatProblem)).toContain('checksums[0]: the replay diverges from the recorded game at the start');
    }
  });

  it('a changed but valid embedded scenario diverges; an invalid one is reported under "scenario"', () => {
    const valid = asDoc(LONG);
    setPath(valid, ['scenario', 'escalation', 'initialRisk'], 30);
    const { replay } = check(forged(valid));
    expect(replay!.divergesAt).toBe(-1);

    const invalid = asDoc(LONG);
    setPath(invalid, ['scenario', 'tracks', 1, 'positions', 0, 'utility', 'us'], 150);
    const { loaded } = check(forged(invalid));
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([
      'scenario.tracks[1].positions[0].utility.us: expected a number from 0 to 100',
    ]);
  });

  it('a future format version says "newer version"; other versions and formats are refused in words', () => {
    const newer = asDoc(LONG);
    newer.formatVersion = SESSION_VERSION + 1;
    const result = loadSessionText(JSON.stringify(newer));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]!.path).toEqual(['formatVersion']);
      expect(result.problems[0]!.message).toContain('newer version');
    }
    for (const version of [0, -1, 1.5, '2', null]) {
      const doc = asDoc(LONG);
      doc.formatVersion = version;
      expect(
        loadSessionText(JSON.stringify(doc)).ok
          ? []
          : (loadSessionText(JSON.stringify(doc)) as { problems: { message: string }[] }).problems[0]!.message,
      ).toBe('expected a whole version number');
    }
    const other = asDoc(LONG);
    other.format = 'something-else';
    expect(loadSessionText(JSON.stringify(other))).toEqual({
      ok: false,
      problems: [{ path: ['format'], message: 'not a Red Lines session (expected format "red-lines-session")' }],
    });
    expect(loadSessionText('[]')).toEqual({ ok: false, problems: [{ path: [], message: 'expected a session: a JSON object' }] });
  });

  it('a truncated session is a syntax error with a line and a column', () => {
    const text = JSON.stringify(LONG, null, 1);
    const result = loadSessionText(text.slice(0, Math.floor(text.length / 2)));
    expect(result.ok ? '' : result.problems[0]!.message).toMatch(/^invalid JSON at line \d+, column \d+: /);
  });
});

describe('sessions whose events are legal but carry extra fields', () => {
  // A response of kind "reject" is legal whatever else it carries; the extra `tracks` and
  // `counter` fields are neither checked against the scenario nor dropped, so they reach the
  // game state, and the narration of a verified session then fails on an unknown track.
  const events: TimedEvent[] = [
    { at: 0, event: { type: 'CONTINUE' } },
    {
      at: 1,
      event: {
        type: 'PROPOSE',
        proposal: {
          side: 'ru',
          positions: { enlargement: 'rollback-1997', missiles: 'no-us-missiles-nukes', exercises: 'no-nato-activity' },
          posture: null,
          tone: 'firm',
        },
      },
    },
    {
      at: 2,
      event: {
        type: 'RESPOND',
        response: { side: 'us', kind: 'reject', tracks: ['bogus'], counter: { bogus: 'x' }, posture: null, tone: 'firm' },
      },
    },
  ];

  it('an answer carrying fields its kind does not have is refused, and the session still tells in words', () => {
    // Recorded up to the answer, which the game refuses; then the answer is added as a forger would.
    const recorded = recordSession(geneva, genevaSource(), hotseat(7), events.slice(0, 2));
    const forged = sealed({ ...recorded, events, checksums: [...recorded.checksums, recorded.checksums.at(-1)!] });
    const { replay } = check(JSON.stringify(forged));
    expect(replay!.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^the game does not accept event 3 of 3 \(a response \(reject\) by us/),
    ]);
    const game = replay!.snapshots.at(-1)!.context.game!;
    expect(game.rounds[0]!.response).toBeNull();
    expect(() => narrateGame(geneva, game)).not.toThrow();
  });
});
