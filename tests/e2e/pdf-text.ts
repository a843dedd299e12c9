/**
 * The text of a PDF that Chromium printed (page.pdf()), for tests that check what is on paper.
 * Just enough of PDF for Chromium's own output: plain objects, Flate streams, Type0 fonts with
 * ToUnicode maps, text shown glyph by glyph with Tj and TJ. Each text position starts a new
 * word, so compare texts with their white space taken out (see `letters`).
 */
import { inflateSync } from 'node:zlib';

const HEX = /<([0-9a-fA-F]+)>/g;

function unicodeOf(hex: string): string {
  const codes: number[] = [];
  for (let i = 0; i < hex.length; i += 4) codes.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...codes);
}

/** A font's glyph codes (4 hex digits) to text, from its ToUnicode CMap (bfchar and bfrange). */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(from!.toUpperCase(), unicodeOf(to!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, to] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const first = parseInt(to!, 16);
      for (let code = parseInt(low!, 16); code <= parseInt(high!, 16); code++) {
        map.set(code.toString(16).toUpperCase().padStart(4, '0'), String.fromCharCode(first + code - parseInt(low!, 16)));
      }
    }
  }
  return map;
}

export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const [, id, body] of source.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(id!, body!);
  const streamOf = (id: string) => {
    const body = objects.get(id) ?? '';
    const data = /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(body)?.[1];
    if (data === undefined) return '';
    const bytes = Buffer.from(data, 'latin1');
    return (/\/FlateDecode/.test(body) ? inflateSync(bytes) : bytes).toString('latin1');
  };
  const fonts = new Map<string, Map<string, string>>();
  for (const [id, body] of objects) {
    const cmap = /\/ToUnicode (\d+) 0 R/.exec(body)?.[1];
    if (cmap) fonts.set(id, toUnicode(streamOf(cmap)));
  }
  let text = '';
  for (const body of objects.values()) {
    if (!/\/Type \/Page\b/.test(body)) continue;
    const names = new Map([...body.matchAll(/\/(F\d+) (\d+) 0 R/g)].map(([, name, id]) => [name!, id!]));
    const content = streamOf(/\/Contents (\d+) 0 R/.exec(body)?.[1] ?? '');
    let font = new Map<string, string>();
    for (const [token, name, shown] of content.matchAll(/\/(F\d+) [\d.]+ Tf|(?:\[([^\]]*)\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)|\bTm\b|\bBT\b/g)) {
      if (name) font = fonts.get(names.get(name) ?? '') ?? new Map();
      else if (token.endsWith('Tj') || token.endsWith('TJ')) {
        for (const [, hex] of (shown ?? token).matchAll(HEX)) {
          for (let i = 0; i < hex!.length; i += 4) text += font.get(hex!.slice(i, i + 4).toUpperCase()) ?? '';
        }
      } else text += ' ';
    }
    text += '\n';
  }
  return text;
}

/** A text's letters, digits and punctuation, without white space: for comparing printed text. */
export const letters = (text: string) => text.replace(/\s+/g, '');
