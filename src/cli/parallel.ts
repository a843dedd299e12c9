/**
 * Spreads a simulation run over the machine's cores with worker threads. Each worker plays a
 * contiguous share of the game indices; results come back in index order, so the output does
 * not depend on how many cores there were.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GameSummary } from '../engine/simulation/batch.ts';
import { runSimulationJob, type SimulationJob } from './simulation-job.ts';

/** Below this many games a worker's start-up costs more than it saves. */
const GAMES_PER_WORKER = 300;

function inWorker(job: SimulationJob): Promise<GameSummary[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../bin/ts-worker.js', import.meta.url), {
      workerData: { module: new URL('./simulation-worker.ts', import.meta.url).href, job },
    });
    worker.once('message', (summaries: GameSummary[]) => resolve(summaries));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a simulation worker stopped with code ${code}`));
    });
  });
}

export async function runInParallel(job: SimulationJob, cores = availableParallelism()): Promise<GameSummary[]> {
  const { from, to } = job.spec;
  const shares = Math.max(1, Math.min(cores, Math.floor((to - from) / GAMES_PER_WORKER)));
  if (shares === 1) return runSimulationJob(job);
  const size = Math.ceil((to - from) / shares);
  const jobs = Array.from({ length: shares }, (_, i) => ({
    ...job,
    spec: { ...job.spec, from: from + i * size, to: Math.min(to, from + (i + 1) * size) },
  }));
  // The main thread takes the first share itself rather than idling.
  const [first, ...rest] = jobs;
  const others = Promise.all(rest.map(inWorker));
  const mine = runSimulationJob(first!);
  return [...mine, ...(await others).flat()];
}
