/**
 * The worker that parses and validates a scenario file away from the page: a 1 MiB file can take
 * the engine a second, and on the page's own thread that second would freeze it. It answers one
 * message ({ bytes, name }) with the checked scenario or its problems, as plain data.
 */
import { parseScenarioBytes } from './scenario-parse.ts';

const scope = globalThis as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<{ bytes: Uint8Array; name: string }>) => void): void;
  postMessage(message: unknown): void;
};

scope.addEventListener('message', ({ data }) => {
  let result;
  try {
    result = parseScenarioBytes(data.bytes, data.name);
  } catch {
    // The loader never throws on a document; this is the worker's own failure, as a problem.
    result = { ok: false, problems: [{ path: [], message: 'the file could not be read' }] };
  }
  scope.postMessage(result);
});
