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

const problem = (message: string): Checked<never> => ({ ok: false, problems: [{ path: [], message }] });

/** Where the first byte that cannot be UTF-8 is (an invalid, overlong, surrogate or cut-short sequence), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    if (lead < 0x80) {
      at++;
      continue;
    }
    // The length of the sequence and the range its second byte must fall in (which rules out
    // overlong forms, surrogates and code points past U+10FFFF).
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead === 0xf4
                  ? [4, 0x80, 0x8f]
                  : lead >= 0xf1 && lead <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (length === 0 || at + length > bytes.length) return at;
    if (bytes[at + 1]! < low || bytes[at + 1]! > high) return at;
    for (let next = at + 2; next < at + length; next++) if (bytes[next]! < 0x80 || bytes[next]! > 0xbf) return at;
    at += length;
  }
  return -1;
}

/**
 * A file's bytes as text: UTF-8 (a leading byte-order mark is dropped), or a problem that says
 * where it is not — never text with U+FFFD put in silently for what could not be read.
 */
export function decodeText(bytes: Uint8Array): Checked<string> {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return problem('the file is UTF-16 text; save it as UTF-8');
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return problem(
      `the file is not UTF-8 text: byte ${at} (0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}) cannot start or continue a character; save the file as UTF-8`,
    );
  }
}

/**
 * Where a character that no text file holds first appears, or null: a control character other
 * than tab, line feed and carriage return (YAML allows none of them raw, JSON none outside a
 * string). A NUL is the mark of a binary file, or of UTF-16 text without its byte-order mark.
 */
export function binaryProblem(text: string): Checked<never> | null {
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  const found = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (!found) return null;
  const { line, column } = lineAndColumn(text, found.index);
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const what =
    code === '0000'
      ? 'a NUL character: a binary file, or UTF-16 text? save it as UTF-8 text'
      : `a control character (U+${code}): a binary file? write it as an escape in quotes if it was meant`;
  return problem(`line ${line}, column ${column}: ${what}`);
}

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
