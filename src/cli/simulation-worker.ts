/** The worker-thread side of a parallel simulation run. */
import { parentPort, workerData } from 'node:worker_threads';
import { runSimulationJob, type SimulationJob } from './simulation-job.ts';

parentPort?.postMessage(runSimulationJob((workerData as { job: SimulationJob }).job));
