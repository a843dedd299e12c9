/**
 * The seal (format 4): a change to any leaf of a recorded session, anywhere — the embedded
 * scenario's text and scoring, the names, the times, the seal itself — is
 * refused without any checksum recomputed, by a problem that names the field that changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSession, replaySession } from '../src/engine/session/load.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { renamedSession, sealed, sessionIdentity, verificationCoverage, verificationNote } from '../src/engine/session/seal.ts';
import { playGame } from '../src/engine/simulation/play.ts';
import { fuzzRuns, nameSeedOnFailure } from './fuzz-values.ts';
import { againstAi, allPaths, geneva, genevaSource, getPath, setPath, type Json, type JsonObject, type JsonPath } from './helpers.ts';

nameSeedOnFailure();

const setup = againstAi(geneva, 'ru-pragmatist', 3);
const events = playGame(geneva, setup, { us: 'greedy' }).events.map((event, i) => ({ ...event, at: 900 * i }));
const recorded = recordSession(geneva, genevaSource(), setup, events, {
  name: 'Week 3',
  players: { us: 'Alice' },
  savedAt: '2026-11-30T10:00:00.000Z',
});
const original = JSON.parse(JSON.stringify(sealed(recorded))) as JsonObject;

/** Another value of the same kind, so that the change is one a forger would make. */
function changed(value: Json): Json {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string')
    return /^[0-9a-f]{14}$/.test(value) ? `${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}` : `${value}!`;
  if (typeof value === 'boolean') return !value;
  return 0;
}

const leaves = allPaths(original).filter((path) => {
  const value = getPath(original, path);
  return value === null || typeof value !== 'object';
});

/** The problems of the document with one leaf changed; the field named first must be the one changed. */
function refusal(path: JsonPath): { named: string; message: string } {
  const doc = structuredClone(original);
  setPath(doc, path, changed(getPath(doc, path)!));
  const checked = checkSession(doc);
  if (checked.ok) {
    const problems = replaySession(checked.value).problems;
    return { named: String(problems[0]?.path[0] ?? 'nothing'), message: problems[0]?.message ?? 'verified' };
  }
  return { named: String(checked.problems[0]!.path[0]), message: checked.problems[0]!.message };
}

/** The field a change at this path must be named by: a changed seal entry names the field it no longer matches. */
const field = (path: JsonPath) => String(path[0] === 'seal' ? path[1] : path[0]);

describe('the seal covers the whole file', () => {
  it('the recorded session verifies, with a seal entry for every other field', () => {
    const checked = checkSession(structuredClone(original));
    expect(checked.ok && replaySession(checked.value).problems).toEqual([]);
    expect(Object.keys(original.seal as JsonObject).sort()).toEqual(
      Object.keys(original)
        .filter((key) => key !== 'seal')
        .sort(),
    );
    expect(leaves.length).toBeGreaterThan(500);
  });

  it('every leaf outside the scenario, changed: refused, naming its field', () => {
    for (const path of leaves.filter((item) => item[0] !== 'scenario')) {
      const { named, message } = refusal(path);
      expect(`${path.join('.')} → ${named}`).toBe(`${path.join('.')} → ${field(path)}`);
      expect(message).not.toBe('verified');
    }
  });

  it('what format 3 left uncovered — the scenario’s title, scoring and debrief, the times, the names — now refused', () => {
    const cases: [JsonPath, string][] = [
      [['scenario', 'meta', 'title'], 'scenario'],
      [['scenario', 'debrief', 'questions', 0], 'scenario'],
      [['events', 0, 'at'], 'events'],
      [['players', 'us'], 'players'],
      [['name'], 'name'],
      [['savedAt'], 'savedAt'],
    ];
    const scoring = leaves.find((path) => path[0] === 'scenario' && path[1] === 'scoring');
    if (scoring) cases.push([scoring, 'scenario']);
    for (const [path, name] of cases) {
      expect(getPath(original, path), path.join('.')).toBeDefined();
      expect(refusal(path)).toEqual({ named: name, message: 'does not match the seal: changed after the file was sealed (altered)' });
    }
  });

  it('any leaf anywhere, the embedded scenario included, changed: refused, naming its field (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: leaves.length - 1 }), (index) => {
        const path = leaves[index]!;
        expect(refusal(path).named).toBe(field(path));
      }),
      fuzzRuns(400),
    );
  });

  it('a field added or removed after sealing is named', () => {
    const added = { ...structuredClone(original), comment: 'hi' };
    const removed = structuredClone(original);
    delete removed.players;
    const problems = (doc: object) => {
      const checked = checkSession(doc);
      return checked.ok ? [] : checked.problems.map((problem) => `${problem.path.join('.')}: ${problem.message}`);
    };
    expect(problems(added)).toEqual(['comment: not covered by the seal: added after the file was sealed (altered)']);
    expect(problems(removed)).toEqual(['players: missing: the seal covers it, so it was removed after the file was sealed (altered)']);
    const unsealed = structuredClone(original);
    delete unsealed.seal;
    expect(problems(unsealed)).toEqual(['seal: expected the seal: a checksum for every other field of the file']);
  });
});

describe('renaming and identity', () => {
  it('a renamed sealed file is sealed again; an altered one stays refused', () => {
    const renamed = renamedSession(structuredClone(original), 'Week 4') as JsonObject;
    expect(renamed.name).toBe('Week 4');
    expect(checkSession(renamed).ok).toBe(true);
    const altered = structuredClone(original);
    setPath(altered, ['scenario', 'meta', 'title'], 'Forged');
    expect(checkSession(renamedSession(altered, 'Week 4')).ok).toBe(false);
  });

  it('the same file has the same identity; a file that differs in anything, another', () => {
    expect(sessionIdentity(structuredClone(original))).toBe(sessionIdentity(original));
    const other = structuredClone(original);
    setPath(other, ['events', 0, 'at'], 1);
    expect(sessionIdentity(other)).not.toBe(sessionIdentity(original));
    // The seal is not part of what identifies a game: re-sealing does not make it another.
    expect(sessionIdentity(sealed(original))).toBe(sessionIdentity(original));
  });
});

describe('what "verified" covers, in words', () => {
  it('says a format 3 file leaves the scenario, names and times uncovered, and a format 4 file does not', () => {
    expect(verificationCoverage(3)).toMatch(/the scenario text, names and times are not/);
    expect(verificationNote(3)).toBe('verified: moves and states only (format 3)');
    expect(verificationCoverage(4)).toMatch(/the whole file is sealed/);
    expect(verificationNote(4)).toBe('verified: whole file sealed');
  });
});
