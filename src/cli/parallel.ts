/**
 * Spreads a simulation run over the machine's cores. The games are cut into small shares that
 * worker threads and the main thread claim as each becomes free, so a worker still starting up
 * delays nothing. Results are put back in share order, so the output does not depend on how many
 * cores there were or which thread played what.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GameSummary } from '../engine/simulation/batch.ts';
import { claimShares, shareBoard } from './share-board.ts';
import { simulationRunner, type SimulationJob } from './simulation-job.ts';

/** Games per share: small enough to balance the threads, large enough that messages cost little. */
const SHARE = 250;
/** Below this many games a worker's start-up costs more than it saves. */
const MIN_GAMES_FOR_WORKERS = 600;

export async function runInParallel(job: SimulationJob, cores = availableParallelism()): Promise<GameSummary[]> {
  const { from, to } = job.spec;
  const run = simulationRunner(job);
  if (cores < 2 || to - from < MIN_GAMES_FOR_WORKERS) return run(from, to);

  const board = shareBoard(from, to, SHARE);
  const results: GameSummary[][] = [];
  const workers = Array.from({ length: cores - 1 }, () => {
    const worker = new Worker(new URL('../../bin/ts-worker.js', import.meta.url), {
      workerData: { module: new URL('./simulation-worker.ts', import.meta.url).href, job, board },
    });
    worker.on('message', (reply: { share: number; summaries: GameSummary[] }) => (results[reply.share] = reply.summaries));
    return new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a simulation worker stopped with code ${code}`))));
    });
  });
  claimShares(board, (share, start, end) => (results[share] = run(start, end)));
  await Promise.all(workers);
  return results.flat();
}
