/**
 * A simulation run of the command line: play the games, and with an output folder write each one
 * as a session file. One thread plays them all: a pool of worker threads was measured to gain
 * nothing here (README, Performance).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocumentText, type DocumentFormat } from '../engine/scenario/formats.ts';
import { checkScenario } from '../engine/scenario/load.ts';
import type { ScenarioInput } from '../engine/scenario/schema.ts';
import { recordSession } from '../engine/session/record.ts';
import { gameSetup, runBatch, type BatchSpec, type GameSummary } from '../engine/simulation/batch.ts';

export interface SimulationJob {
  scenarioText: string;
  format: DocumentFormat;
  spec: BatchSpec;
  outDir: string | null;
}

export function sessionFileName(index: number): string {
  return `game-${String(index + 1).padStart(5, '0')}.json`;
}

/** Plays the games of a job, in order. */
export function runSimulation(job: SimulationJob): GameSummary[] {
  const parsed = parseDocumentText(job.scenarioText, job.format);
  const loaded = parsed.ok ? checkScenario(parsed.value) : parsed;
  if (!parsed.ok || !loaded.ok) throw new Error('the scenario was checked before the run');
  const source = parsed.value as ScenarioInput;
  if (job.outDir) mkdirSync(job.outDir, { recursive: true });
  return runBatch(loaded.value, job.spec, (index, result) => {
    if (!job.outDir) return;
    const session = recordSession(loaded.value, source, gameSetup(job.spec, index).setup, result.events);
    writeFileSync(join(job.outDir, sessionFileName(index)), `${JSON.stringify(session, null, 1)}\n`);
  });
}
