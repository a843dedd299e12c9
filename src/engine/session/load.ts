/**
 * Reading and verifying an untrusted session: its format and version (older versions are
 * migrated, newer ones refused), its embedded scenario, its events, and then a full replay that
 * must reproduce every state checksum. Never throws.
 */
import { GameRun, type GameSnapshot } from '../machine/game-run.ts';
import type { GameEvent } from '../machine/game-machine.ts';
import { parseJsonText } from '../json-text.ts';
import { checkScenario, problemsFromZod } from '../scenario/load.ts';
import type { Checked, Problem } from '../scenario/problems.ts';
import type { Scenario } from '../scenario/schema.ts';
import { trailChecksum } from './checksum.ts';
import { SESSION_FORMAT, SESSION_VERSION, sessionSchema, startEvent, type Session } from './format.ts';

export interface LoadedSession {
  session: Session;
  scenario: Scenario;
}

/** The title of an embedded scenario, read without trusting the file it came in. */
function scenarioTitle(raw: Record<string, unknown>): string | null {
  const scenario = raw.scenario as { meta?: { title?: unknown } } | null | undefined;
  const title = typeof scenario === 'object' && scenario !== null ? scenario.meta?.title : undefined;
  return typeof title === 'string' && title.length > 0 ? title.slice(0, 120) : null;
}

/** Upgrades older session documents one version at a time, each step to the next version. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 names the game; a version 1 file takes its scenario's title.
  1: (raw) => ({ ...raw, formatVersion: 2, name: scenarioTitle(raw) ?? 'A Red Lines game' }),
};

function migrate(raw: Record<string, unknown>): Checked<Record<string, unknown>> {
  let current = raw;
  while (typeof current.formatVersion === 'number' && current.formatVersion < SESSION_VERSION) {
    const step = MIGRATIONS[current.formatVersion];
    if (!step) {
      return {
        ok: false,
        problems: [{ path: ['formatVersion'], message: `session format version ${current.formatVersion} is no longer supported` }],
      };
    }
    current = step(current);
  }
  return { ok: true, value: current };
}

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
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;
  const parsed = sessionSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const scenario = checkScenario(parsed.data.scenario);
  if (!scenario.ok)
    return { ok: false, problems: scenario.problems.map((problem) => ({ ...problem, path: ['scenario', ...problem.path] })) };
  return { ok: true, value: { session: parsed.data as Session, scenario: scenario.value } };
}

export function loadSessionText(text: string): Checked<LoadedSession> {
  const parsed = parseJsonText(text);
  return parsed.ok ? checkSession(parsed.value) : parsed;
}

export interface Replay {
  /** The state after the start and after each event. */
  snapshots: GameSnapshot[];
  /** Problems that make the session altered or corrupt; empty when it verifies. */
  problems: Problem[];
  /** The index of the first event whose resulting state differs from the recorded one (−1 for the start). */
  divergesAt: number | null;
}

function describe(event: GameEvent): string {
  switch (event.type) {
    case 'PROPOSE':
      return `a proposal by ${event.proposal.side}`;
    case 'RESPOND':
      return `a response (${event.response.kind}) by ${event.response.side}`;
    case 'REPLY':
      return `a reply (${event.reply.kind}) by ${event.reply.side}`;
    default:
      return event.type;
  }
}

/** Re-runs a session's events and checks every state against its recorded checksum. */
export function replaySession({ session, scenario }: LoadedSession): Replay {
  const run = new GameRun(scenario, true);
  const snapshots: GameSnapshot[] = [];
  const problems: Problem[] = [];
  const events = [startEvent(session), ...session.events.map((timed) => timed.event)];
  let divergesAt: number | null = null;
  events.forEach((event, i) => {
    const taken = run.send(event);
    snapshots.push(run.snapshot);
    const index = i - 1;
    const where =
      index < 0
        ? 'the start'
        : `event ${index + 1} of ${session.events.length} (${describe(event)}, round ${(run.snapshot.context.game?.round ?? 0) + 1})`;
    const path = index < 0 ? ['setup'] : ['events', index];
    if (!taken && problems.length === 0) problems.push({ path, message: `the game does not accept ${where}` });
    if (divergesAt === null && session.checksums[i] !== run.trail[i]) {
      divergesAt = index;
      problems.push({ path: ['checksums', i], message: `the replay diverges from the recorded game at ${where}` });
    }
  });
  run.stop();
  if (session.checksums.length !== events.length) {
    problems.push({
      path: ['checksums'],
      message: `expected ${events.length} checksums, one per state; found ${session.checksums.length}`,
    });
  }
  if (problems.length === 0 && trailChecksum(run.trail) !== session.checksum) {
    problems.push({ path: ['checksum'], message: 'the overall checksum does not match the states' });
  }
  return { snapshots, problems, divergesAt };
}
