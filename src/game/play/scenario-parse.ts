/**
 * A scenario file from outside, from its bytes to a checked scenario: measured, decoded (UTF-8
 * only), parsed and validated by the engine's one loader. Pure, so that it runs as well in the
 * parse worker (scenario-parse-worker.ts) as in a test; its result is plain data.
 */
import { decodeScenarioBytes } from '../../engine/scenario/formats.ts';
import { loadScenarioDocument, type LoadedScenario } from '../../engine/scenario/load.ts';
import type { Checked } from '../../engine/scenario/problems.ts';

export type ScenarioParser = (bytes: Uint8Array, name: string) => Promise<Checked<LoadedScenario>>;

export function parseScenarioBytes(bytes: Uint8Array, name: string): Checked<LoadedScenario> {
  const text = decodeScenarioBytes(bytes);
  return text.ok ? loadScenarioDocument(text.value, name) : text;
}
