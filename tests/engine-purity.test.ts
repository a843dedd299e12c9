/**
 * src/engine is pure TypeScript that runs the same in Node and in the browser, reads no clock and
 * no Math.random. What it may not use is listed once, in the ESLint rules of eslint.config.js;
 * this test checks that those rules catch every kind of offence, and leave alone the local names
 * and text that merely mention the globals. (`npm run lint` applies them to the engine itself.)
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const PURITY_RULES = new Set(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-properties', 'no-restricted-syntax']);

/** The lines of a would-be engine file that the purity rules flag. */
async function flaggedLines(text: string): Promise<number[]> {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(text, { filePath: `${ROOT}/src/engine/purity-probe.ts` });
  // A text that does not parse would be flagged nowhere: it must parse.
  expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
  return result!.messages.filter((message) => message.ruleId !== null && PURITY_RULES.has(message.ruleId)).map((message) => message.line);
}

describe('the engine purity rules', () => {
  it('flag every kind of offence', async () => {
    const offences = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import { readFile } from 'fs/promises';",
      "import Phaser from 'phaser';",
      "export { Howl } from 'howler';",
      "import { GameRun } from '../game/play/game-run.ts';",
      "const os = await import('os');",
      "const crypto2 = require('crypto');",
      'const a = Math.random();',
      'const b = Date.now();',
      'const c = new Date();',
      'const d = performance.now();',
      'window.alert(1);',
      "document.title = 'x';",
      "localStorage.setItem('k', 'v');",
      "sessionStorage.setItem('k', 'v');",
      'const e = navigator.language;',
      'const f = crypto.randomUUID();',
      "const g = Math['random']();",
      'const h = globalThis.localStorage;',
      'const i = process.env;',
      'const j = Date();',
    ];
    const flagged = new Set(await flaggedLines(offences.join('\n')));
    const missed = offences.filter((_, index) => !flagged.has(index + 1));
    expect(missed).toEqual([]);
  });

  it('do not flag local names, properties or text that merely mention the globals', async () => {
    const text = [
      '// window, document and Math.random() in a comment',
      "const note = 'document.title and Date.now()';",
      'export function read(document: { format: string }) { return document.format; }',
      'const state = { window: 1, performance: 2 };',
      'export const value = state.window + state.performance + note.length;',
      "import { seedState } from './random.ts';",
      'export type Document = { id: string };',
      'const date = { now: () => 0 }; date.now(); seedState("x");',
    ].join('\n');
    expect(await flaggedLines(text)).toEqual([]);
  });
});
