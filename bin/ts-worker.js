// Starts a worker thread on a TypeScript module: registers tsx, then imports the module named
// in the worker's data.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
