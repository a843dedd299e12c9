// A 12-round session for measuring the replay viewer: Geneva stretched to twelve rounds, with a
// gentler risk so that bots play all of them, played hot-seat by two greedy bots.
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../src/engine/scenario/load.ts';
import type { ScenarioInput } from '../src/engine/scenario/schema.ts';
import type { Session } from '../src/engine/session/format.ts';
import { recordSession } from '../src/engine/session/record.ts';
import { playGame } from '../src/engine/simulation/play.ts';

export function twelveRoundSession(): Session {
  const source = JSON.parse(readFileSync(new URL('../scenarios/geneva-2022.json', import.meta.url), 'utf8')) as ScenarioInput &
    Record<string, never>;
  const rounds = source.rounds;
  const extra = Array.from({ length: 12 - rounds.length }, (_, i) => ({
    ...rounds[i % rounds.length]!,
    id: `extra-${i + 1}`,
    title: `Further talks ${i + 1}`,
  }));
  const long = {
    ...source,
    meta: { ...source.meta, id: 'geneva-12-rounds', title: 'Geneva, twelve rounds (for measuring)' },
    rounds: [...rounds, ...extra],
    escalation: {
      ...source.escalation,
      initialRisk: 20,
      weights: { ...source.escalation.weights, gap: 0.1, posture: 0.1, tone: 0.1, event: 0.1, incident: 0.1 },
    },
    debrief: { ...source.debrief, line: [] },
  };
  const loaded = loadScenarioText(JSON.stringify(long));
  if (!loaded.ok) throw new Error('the twelve-round scenario does not load');
  for (let seed = 1; seed < 200; seed++) {
    const setup = { seed, playerSide: 'us', opponent: { kind: 'hotseat' as const } };
    const game = playGame(loaded.value, setup, { us: 'greedy', ru: 'greedy' });
    if (game.roundsPlayed === 12) return recordSession(loaded.value, long as ScenarioInput, setup, game.events);
  }
  throw new Error('no seed plays all twelve rounds');
}
