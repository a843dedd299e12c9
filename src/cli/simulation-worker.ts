/** The worker-thread side of a parallel simulation run: claims shares from the shared counter until none are left. */
import { parentPort, workerData } from 'node:worker_threads';
import { claimShares, type ShareBoard } from './share-board.ts';
import { simulationRunner, type SimulationJob } from './simulation-job.ts';

const { job, board } = workerData as { job: SimulationJob; board: ShareBoard };
const run = simulationRunner(job);
claimShares(board, (share, from, to) => parentPort?.postMessage({ share, summaries: run(from, to) }));
