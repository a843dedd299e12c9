/** Writing a game as a session: from a running game as it goes, or from a scenario, a setup and events. */
import { GameRun } from '../machine/game-run.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import type { Setup } from '../rules/state.ts';
import { APP_VERSION } from '../version.ts';
import { canonicalJson, hashText, stateChecksum, trailChecksum } from './checksum.ts';
import { sealed } from './seal.ts';
import { SESSION_FORMAT, SESSION_VERSION, type Players, type Session, type TimedEvent } from './format.ts';

/** What a session says about a game besides its moves. */
export interface SessionDetails {
  /** The game as the player named it. */
  name: string;
  /** Written only when there are any; the rules never read them, the seal covers them. */
  players?: Players;
  /** When the file was written (ISO 8601), written and sealed when given. */
  savedAt?: string;
}

/** A run that keeps the checksum of every state, as a session needs. */
export function recordingRun(scenario: Scenario): GameRun {
  return new GameRun(scenario, { checksum: stateChecksum });
}

/**
 * Writes the session of a recording run, as often as wanted (the browser saves after every event):
 * the states' checksums are the ones the run kept, and the seal of the embedded scenario — the
 * largest field, which never changes during a game — is computed once. `source` is the scenario as
 * it was read (before defaults were filled in), so the file embeds exactly what the author wrote.
 */
export class SessionWriter {
  private readonly scenarioSeal: string;

  constructor(readonly source: ScenarioInput) {
    this.scenarioSeal = hashText(canonicalJson(source));
  }

  write(run: GameRun, details: SessionDetails): Session {
    const setup = run.setup;
    if (!setup) throw new Error('the game has not started');
    if (run.trail.length !== run.events.length + 1) throw new Error('the run does not keep the checksums of its states');
    const { seed, ...rest } = setup;
    const players = details.players ?? {};
    return sealed(
      {
        format: SESSION_FORMAT,
        formatVersion: SESSION_VERSION,
        appVersion: APP_VERSION,
        name: details.name,
        ...(Object.keys(players).length > 0 ? { players: { ...players } } : {}),
        ...(details.savedAt === undefined ? {} : { savedAt: details.savedAt }),
        scenario: this.source,
        seed,
        setup: rest,
        events: run.events.slice(),
        checksums: run.trail.slice(),
        checksum: trailChecksum(run.trail),
      },
      { scenario: this.scenarioSeal },
    );
  }
}

/** The session of a game given by its events (the command line's simulations, tests). */
export function recordSession(
  scenario: Scenario,
  source: ScenarioInput,
  setup: Setup,
  events: readonly TimedEvent[],
  details: SessionDetails = { name: scenario.meta.title },
): Session {
  const run = recordingRun(scenario);
  const restored = run.restore(setup, events);
  run.stop();
  if (!restored) throw new Error('the game does not accept these events');
  return new SessionWriter(source).write(run, details);
}
