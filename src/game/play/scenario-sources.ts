/**
 * Scenarios from outside the game — a file picked or dropped, or a link — read through the
 * engine's one loader. Files are size-checked before they are read, links must stay on the
 * game's own site, and every failure comes back as problems to show, never as an exception.
 */
import { byteLength, MAX_SCENARIO_BYTES } from '../../engine/scenario/formats.ts';
import { loadScenarioDocument, type LoadedScenario } from '../../engine/scenario/load.ts';
import type { Checked } from '../../engine/scenario/problems.ts';

const refuse = (message: string): Checked<never> => ({ ok: false, problems: [{ path: [], message }] });
const tooLarge = (bytes: number) => refuse(`the file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; scenarios may be at most 1 MiB`);

export async function readScenarioFile(file: File): Promise<Checked<LoadedScenario>> {
  if (file.size > MAX_SCENARIO_BYTES) return tooLarge(file.size);
  if (!/\.(json|ya?ml)$/i.test(file.name)) return refuse('expected a .json, .yaml or .yml file');
  try {
    return loadScenarioDocument(await file.text(), file.name);
  } catch {
    return refuse('the file could not be read');
  }
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

export async function fetchScenarioLink(value: string, page: URL): Promise<Checked<LoadedScenario>> {
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
  const text = await response.text();
  const bytes = byteLength(text);
  if (bytes > MAX_SCENARIO_BYTES) return tooLarge(bytes);
  return loadScenarioDocument(text, url.value.pathname);
}
