/**
 * The worker that parses and validates a scenario file away from the page: a 1 MiB file can take
 * the engine a second, and on the page's own thread that second would freeze it. It answers one
 * message ({ bytes, name }) with the checked scenario or its problems, as plain data. (The loader
 * never throws on a document; were the worker itself to fail, its error event is the answer.)
 */
import { parseScenarioBytes } from './scenario-parse.ts';

const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<{ bytes: Uint8Array; name: string }>) => void): void;
  postMessage(message: unknown): void;
};

scope.addEventListener('message', ({ data }) => scope.postMessage(parseScenarioBytes(data.bytes, data.name)));
