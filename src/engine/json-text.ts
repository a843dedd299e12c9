/**
 * JSON parsing for untrusted documents: syntax errors come back as a problem with a line and a
 * column, and documents nested deeper than a game file ever needs are refused before they reach
 * a validator's recursion.
 */
import type { Checked } from './scenario/problems.ts';

export const MAX_DEPTH = 64;

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** The deepest nesting of arrays and objects, read off the text without parsing it. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']') depth--;
  }
  return deepest;
}

export function parseJsonText(text: string): Checked<unknown> {
  if (nestingDepth(text) > MAX_DEPTH) {
    return { ok: false, problems: [{ path: [], message: `nested more than ${MAX_DEPTH} levels deep` }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const where = at ? lineAndColumn(text, Number(at[1])) : lineAndColumn(text, text.length);
    const reason = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '');
    return {
      ok: false,
      problems: [{ path: [], message: `invalid JSON at line ${where.line}, column ${where.column}: ${reason}` }],
    };
  }
}
