/**
 * JSON parsing for untrusted documents. jsonc-parser's scanner finds the first syntax error with
 * its line and column (Node's own messages often give neither); only a document that scans clean
 * is handed to JSON.parse. Documents nested deeper than a game file ever needs are refused
 * before they reach a validator's recursion, and a leading byte-order mark is allowed.
 */
import { printParseErrorCode, visit } from 'jsonc-parser';
import type { Checked } from './scenario/problems.ts';

export const MAX_DEPTH = 64;

const REASONS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected a closing brace }',
  CloseBracketExpected: 'expected a closing bracket ]',
  EndOfFileExpected: 'unexpected text after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'a control character inside a string',
};

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * The deepest nesting of arrays and objects, read off the text without recursion (the scanner
 * below recurses, so a hostile document must be measured first).
 */
export function nestingDepth(text: string, quotes = '"'): number {
  let depth = 0;
  let deepest = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = null;
    } else if (quotes.includes(char)) quote = char;
    else if (char === '{' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === '}' || char === ']') depth--;
  }
  return deepest;
}

export function parseJsonText(raw: string): Checked<unknown> {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (text.trim() === '')
    return { ok: false, problems: [{ path: [], message: 'invalid JSON at line 1, column 1: the document is empty' }] };
  if (nestingDepth(text) > MAX_DEPTH) return { ok: false, problems: [{ path: [], message: `nested more than ${MAX_DEPTH} levels deep` }] };
  let failure: string | null = null;
  visit(
    text,
    {
      onError: (error, _offset, _length, startLine, startCharacter) => {
        failure ??= `invalid JSON at line ${startLine + 1}, column ${startCharacter + 1}: ${REASONS[printParseErrorCode(error)] ?? 'syntax error'}`;
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  if (failure !== null) return { ok: false, problems: [{ path: [], message: failure }] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // The scanner accepted it, so this is a corner it does not cover; keep a readable message.
    return { ok: false, problems: [{ path: [], message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}
