/** Making a session from a scenario, a setup and the events of a game. */
import { GameRun } from '../machine/game-run.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import type { Setup } from '../rules/state.ts';
import { APP_VERSION } from '../version.ts';
import { trailChecksum } from './checksum.ts';
import { sealed } from './seal.ts';
import { SESSION_FORMAT, SESSION_VERSION, startEvent, type Players, type Session, type TimedEvent } from './format.ts';

/**
 * Replays the events to compute the checksums, and seals the whole file. `source` is the scenario
 * as it was read (before defaults were filled in), so the file embeds exactly what the author
 * wrote. The players' names are written only when there are any; the rules never read them, the
 * seal covers them. `savedAt` is written (and sealed) when given.
 */
export function recordSession(
  scenario: Scenario,
  source: ScenarioInput,
  setup: Setup,
  events: TimedEvent[],
  name = scenario.meta.title,
  players: Players = {},
  savedAt?: string,
): Session {
  const { seed, ...rest } = setup;
  const run = new GameRun(scenario, true);
  run.send(startEvent({ seed, setup: rest }));
  for (const { event } of events) run.send(event);
  run.stop();
  return sealed({
    format: SESSION_FORMAT,
    formatVersion: SESSION_VERSION,
    appVersion: APP_VERSION,
    name,
    ...(Object.keys(players).length > 0 ? { players: { ...players } } : {}),
    ...(savedAt === undefined ? {} : { savedAt }),
    scenario: source,
    seed,
    setup: rest,
    events: events.slice(),
    checksums: run.trail,
    checksum: trailChecksum(run.trail),
    annotations: [],
  });
}
