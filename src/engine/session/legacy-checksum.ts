/**
 * How sessions of formats 3 and 4 checksummed their states, kept so that those files still verify.
 * They hashed the name of the machine's state beside the whole game state, words included. The
 * names are frozen here, as they were then, so renaming a state of today's machine changes nothing
 * for them: each phase had the name of its state, and an ended game the name of its outcome.
 */
import type { Phase } from '../machine/phase.ts';
import type { GameState } from '../rules/state.ts';
import { RECORDED_INCIDENT_NAME, type Scenario } from '../scenario/schema.ts';
import { canonicalJson, hashText, type StateChecksum } from './checksum.ts';
import type { LoadedSession } from './load.ts';

export const legacyStateChecksum: StateChecksum = (phase: Phase, game: GameState | null) => {
  const state = phase === 'over' ? game?.outcome?.kind : phase;
  return hashText(canonicalJson([state, game]));
};

/**
 * Replays a session of format 3 or 4. Their states held each risk factor's label, so a session
 * recorded before scenarios named their incidents (its scenario names none) replays again, when it
 * diverges, under the one name incidents had then.
 */
export function replayLegacy<T extends { problems: unknown[] }>(loaded: LoadedSession, replay: (scenario: Scenario) => T): T {
  const first = replay(loaded.scenario);
  const named = loaded.session.scenario.escalation.incident.name !== undefined;
  if (first.problems.length === 0 || named) return first;
  const { escalation } = loaded.scenario;
  const recorded = replay({
    ...loaded.scenario,
    escalation: { ...escalation, incident: { ...escalation.incident, name: RECORDED_INCIDENT_NAME } },
  });
  return recorded.problems.length === 0 ? recorded : first;
}
