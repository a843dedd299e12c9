/**
 * Reading and verifying an untrusted session: its format and version (versions too old to replay
 * are refused with the reason, newer ones too), its seal (format 4 on: nothing in the file changed
 * since it was written), its embedded scenario, its events, and then a full replay that must
 * reproduce every state checksum. Never throws.
 */
import { GameRun, type GameSnapshot } from '../machine/game-run.ts';
import { moveOf } from '../machine/moves.ts';
import { parseJsonText } from '../json-text.ts';
import { checkScenario, problemsFromZod } from '../scenario/load.ts';
import type { Checked, Problem } from '../scenario/problems.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { stateChecksum, trailChecksum, type StateChecksum } from './checksum.ts';
import { legacyStateChecksum, replayLegacy } from './legacy-checksum.ts';
import {
  MAX_SESSION_BYTES,
  OLDEST_REPLAYED_VERSION,
  SESSION_FORMAT,
  SESSION_VERSION,
  sessionSchema,
  setupOf,
  type Session,
} from './format.ts';
import { sealProblems, type Seal } from './seal.ts';

export interface LoadedSession {
  session: Session;
  scenario: Scenario;
}

/**
 * Why older versions cannot be read. A session is its events, and the AI's answers are derived
 * from them: once the rules change, an old log no longer leads to the states it recorded.
 */
const RETIRED: Record<number, string> = {
  1: 'it was recorded under the rules of Red Lines 0.1, before the AI weighed its outside options',
  2: 'it was recorded under the rules of Red Lines 0.1, before the AI weighed its outside options',
};

export function checkSession(value: unknown): Checked<LoadedSession> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ path: [], message: 'expected a session: a JSON object' }] };
  }
  const raw = value as Record<string, unknown>;
  if (raw.format !== SESSION_FORMAT) {
    return { ok: false, problems: [{ path: ['format'], message: `not a Red Lines session (expected format "${SESSION_FORMAT}")` }] };
  }
  const version = raw.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [{ path: ['formatVersion'], message: 'expected a whole version number' }] };
  }
  if (version > SESSION_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: ['formatVersion'],
          message: `made by a newer version of Red Lines (session format ${version}; this one reads up to ${SESSION_VERSION})`,
        },
      ],
    };
  }
  if (version < OLDEST_REPLAYED_VERSION) {
    const why = RETIRED[version] ?? 'it is older than this version of Red Lines can replay';
    return {
      ok: false,
      problems: [{ path: ['formatVersion'], message: `session format version ${version} can no longer be replayed: ${why}` }],
    };
  }
  const sealed = checkSeal(raw, version);
  if (sealed.length > 0) return { ok: false, problems: sealed };
  const parsed = sessionSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const scenario = checkScenario(parsed.data.scenario);
  if (!scenario.ok)
    return { ok: false, problems: scenario.problems.map((problem) => ({ ...problem, path: ['scenario', ...problem.path] })) };
  const strangers = Object.keys(parsed.data.players ?? {}).filter((side) => !scenario.value.sides.some((item) => item.id === side));
  if (strangers.length > 0)
    return {
      ok: false,
      problems: strangers.map((side) => ({ path: ['players', side], message: `"${side}" is not a side of the scenario` })),
    };
  // checkScenario has just accepted the embedded scenario, which the session keeps as written.
  const session: Session = { ...parsed.data, scenario: parsed.data.scenario as ScenarioInput };
  return { ok: true, value: { session, scenario: scenario.value } };
}

/**
 * The seal is checked on the document as read, before the schema drops or fills anything: a field
 * added, removed or changed since the file was written is named. A file of version 3 has no seal;
 * one that carries a seal had its version changed, which would hide what the seal covers.
 */
function checkSeal(raw: Record<string, unknown>, version: number): Problem[] {
  const seal = raw.seal;
  if (version < 4)
    return seal === undefined
      ? []
      : [{ path: ['formatVersion'], message: `a file of format ${version} has no seal: the version was changed (altered)` }];
  const valid =
    typeof seal === 'object' &&
    seal !== null &&
    !Array.isArray(seal) &&
    Object.values(seal).every((value) => typeof value === 'string' && /^[0-9a-f]{14}$/.test(value));
  if (!valid) return [{ path: ['seal'], message: 'expected the seal: a checksum for every other field of the file' }];
  return sealProblems(raw, seal as Seal);
}

export function loadSessionText(text: string): Checked<LoadedSession> {
  const parsed = parseJsonText(text);
  return parsed.ok ? checkSession(parsed.value) : parsed;
}

/** A file of `bytes` bytes is too large to be a session: refused by its size, before it is read. */
export function sessionSizeProblem(bytes: number): Checked<never> | null {
  if (bytes <= MAX_SESSION_BYTES) return null;
  const mib = (size: number) => (size / 1024 / 1024).toFixed(1);
  const message = `the file is ${mib(bytes)} MiB; session files may be at most ${MAX_SESSION_BYTES / 1024 / 1024} MiB`;
  return { ok: false, problems: [{ path: [], message }] };
}

/** A session checked and replayed: every state it records reproduced. */
export interface VerifiedSession extends LoadedSession {
  /** The state after the start and after each event. */
  snapshots: GameSnapshot[];
}

/**
 * What every way of opening a session in the browser does before using it (a file, a saved game,
 * a share link): check it, then replay it in full; the problems of whichever step fails first.
 */
export function verifySession(value: unknown): Checked<VerifiedSession> {
  const checked = checkSession(value);
  if (!checked.ok) return checked;
  const { snapshots, problems, scenario } = replaySession(checked.value);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { ...checked.value, scenario, snapshots } };
}

export interface Replay {
  /** The state after the start and after each event. */
  snapshots: GameSnapshot[];
  /** Problems that make the session altered or corrupt; empty when it verifies. */
  problems: Problem[];
  /** The index of the first event whose resulting state differs from the recorded one (−1 for the start). */
  divergesAt: number | null;
  /** The scenario the session replays under: the one given, or for an older session its incidents' recorded name. */
  scenario: Scenario;
}

/**
 * Re-runs a session's events and checks every state against its recorded checksum, by the
 * checksums of the session's format (older formats by the ones they were written with).
 */
export function replaySession(loaded: LoadedSession): Replay {
  if (loaded.session.formatVersion >= 5) return replayUnder(loaded, stateChecksum);
  return replayLegacy(loaded, (scenario) => replayUnder({ ...loaded, scenario }, legacyStateChecksum));
}

function replayUnder({ session, scenario }: LoadedSession, checksum: StateChecksum): Replay {
  const run = new GameRun(scenario, { checksum });
  const snapshots: GameSnapshot[] = [];
  const problems: Problem[] = [];
  let divergesAt: number | null = null;
  const check = (taken: boolean, index: number) => {
    snapshots.push(run.snapshot);
    const event = session.events[index]?.event;
    const where = event
      ? `event ${index + 1} of ${session.events.length} (${moveOf(event)?.describe(event) ?? event.type}, round ${(run.snapshot.context.game?.round ?? 0) + 1})`
      : 'the start';
    const path = event ? ['events', index] : ['setup'];
    if (!taken && problems.length === 0) problems.push({ path, message: `the game does not accept ${where}` });
    if (divergesAt === null && session.checksums[index + 1] !== run.trail[index + 1]) {
      divergesAt = index;
      problems.push({ path: ['checksums', index + 1], message: `the replay diverges from the recorded game at ${where}` });
    }
  };
  check(run.start(setupOf(session)), -1);
  session.events.forEach(({ event, at }, i) => check(event.type !== 'START' && run.send(event, at), i));
  run.stop();
  if (session.checksums.length !== session.events.length + 1) {
    problems.push({
      path: ['checksums'],
      message: `expected ${session.events.length + 1} checksums, one per state; found ${session.checksums.length}`,
    });
  }
  if (problems.length === 0 && trailChecksum(run.trail) !== session.checksum) {
    problems.push({ path: ['checksum'], message: 'the overall checksum does not match the states' });
  }
  return { snapshots, problems, divergesAt, scenario };
}
