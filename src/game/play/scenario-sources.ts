/**
 * Scenarios from outside the game — a file picked or dropped, or a link — read through the
 * engine's one loader in a worker (`parseInWorker`), so that a large file never freezes the page.
 * Files are size-checked before they are read, links must stay on the game's own site, and every
 * failure comes back as problems to show, never as an exception.
 */
import { MAX_SCENARIO_BYTES, tooLarge } from '../../engine/scenario/formats.ts';
import type { LoadedScenario } from '../../engine/scenario/load.ts';
import type { Checked } from '../../engine/scenario/problems.ts';
import type { ScenarioParser } from './scenario-parse.ts';

const refuse = (message: string): Checked<never> => ({ ok: false, problems: [{ path: [], message }] });

/** Parses a scenario file's bytes in a worker of its own, ended once it has answered. */
export const parseInWorker: ScenarioParser = (bytes, name) =>
  new Promise((resolve) => {
    const worker = new Worker(new URL('./scenario-parse-worker.ts', import.meta.url), { type: 'module' });
    const answer = (result: Checked<LoadedScenario>) => {
      worker.terminate();
      resolve(result);
    };
    worker.addEventListener('message', (event: MessageEvent<Checked<LoadedScenario>>) => answer(event.data));
    worker.addEventListener('error', () => answer(refuse('the file could not be read')));
    worker.postMessage({ bytes, name }, [bytes.buffer]);
  });

export async function readScenarioFile(file: File, parse: ScenarioParser = parseInWorker): Promise<Checked<LoadedScenario>> {
  if (file.size > MAX_SCENARIO_BYTES) return tooLarge(file.size);
  if (!/\.(json|ya?ml)$/i.test(file.name)) return refuse('expected a .json, .yaml or .yml file');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return refuse('the file could not be read');
  }
  return parse(bytes, file.name);
}

/** The address a `?scenario=` link names, if it is on the game's own site. */
export function scenarioLinkUrl(value: string, page: URL): Checked<URL> {
  let url: URL;
  try {
    url = new URL(value, page);
  } catch {
    return refuse(`"${value}" is not an address`);
  }
  if (url.origin !== page.origin) return refuse(`scenario links must point to this site (${page.origin}), not to ${url.origin}`);
  return { ok: true, value: url };
}

export async function fetchScenarioLink(value: string, page: URL, parse: ScenarioParser = parseInWorker): Promise<Checked<LoadedScenario>> {
  const url = scenarioLinkUrl(value, page);
  if (!url.ok) return url;
  let response: Response;
  try {
    response = await fetch(url.value, { credentials: 'same-origin' });
  } catch {
    return refuse(`${url.value.pathname} could not be fetched`);
  }
  if (!response.ok) return refuse(`${url.value.pathname} could not be fetched (HTTP ${response.status})`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_SCENARIO_BYTES) return tooLarge(declared);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    return refuse(`${url.value.pathname} could not be fetched`);
  }
  // The bytes are measured again whatever the header said (decodeScenarioBytes).
  return parse(bytes, url.value.pathname);
}
