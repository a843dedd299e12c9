/**
 * One share of a simulation run, as a worker thread (or the main thread) carries it out: play
 * the games, and with an output folder write each one as a session file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../engine/scenario/load.ts';
import type { ScenarioInput } from '../engine/scenario/schema.ts';
import { recordSession } from '../engine/session/record.ts';
import { gameSetup, runBatch, type BatchSpec, type GameSummary } from '../engine/simulation/batch.ts';

export interface SimulationJob {
  scenarioText: string;
  spec: BatchSpec;
  outDir: string | null;
}

export function sessionFileName(index: number): string {
  return `game-${String(index + 1).padStart(5, '0')}.json`;
}

export function runSimulationJob(job: SimulationJob): GameSummary[] {
  const loaded = loadScenarioText(job.scenarioText);
  if (!loaded.ok) throw new Error('the scenario was checked before the run');
  const source = JSON.parse(job.scenarioText) as ScenarioInput;
  if (job.outDir) mkdirSync(job.outDir, { recursive: true });
  return runBatch(loaded.value, job.spec, (index, result) => {
    if (!job.outDir) return;
    const session = recordSession(loaded.value, source, gameSetup(job.spec, index).setup, result.events);
    writeFileSync(join(job.outDir, sessionFileName(index)), `${JSON.stringify(session, null, 1)}\n`);
  });
}
