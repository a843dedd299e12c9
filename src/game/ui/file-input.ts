/**
 * A hidden file input opened by a visible button (or a key): it hands over the chosen files and
 * clears itself, so choosing the same file again still counts.
 */
import { decodeText } from '../../engine/json-text.ts';
import type { Checked } from '../../engine/scenario/problems.ts';
import { el } from './dom.ts';

export const SESSION_FILES = '.json,application/json';
export const SCENARIO_FILES = '.json,.yaml,.yml,application/json,application/yaml';

export function fileInput(label: string, accept: string, multiple: boolean, onFiles: (files: File[]) => void): HTMLInputElement {
  const input = el('input', { class: 'visually-hidden', attrs: { type: 'file', accept, multiple, 'aria-label': label, tabindex: -1 } });
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) onFiles(files);
  });
  return input;
}

/**
 * A chosen file's text, which must be UTF-8 (see `decodeText`): `File.text()` would put U+FFFD in
 * silently for every byte it cannot read. For session files; scenario files go through their worker.
 */
export async function readTextFile(file: File): Promise<Checked<string>> {
  try {
    return decodeText(new Uint8Array(await file.arrayBuffer()));
  } catch {
    return { ok: false, problems: [{ path: [], message: 'the file could not be read' }] };
  }
}
