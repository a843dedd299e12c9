/**
 * Finding the glossary's terms in a text, so that wherever a term appears it can lead to its
 * entry: the text cut into plain pieces and pieces that name an entry. A term is found by its
 * wording (and by the part before a parenthesis: "Outside option (value of no deal)" is found as
 * "outside option") or by any alias its entry gives; whole words only, in any case, with a plural
 * "s" allowed, the longest wording first where two begin at the same place.
 */
import type { GlossaryTerm } from '../../engine/glossary.ts';

/** What is needed of a glossary entry to find it in a text. */
export type Findable = Pick<GlossaryTerm, 'id' | 'term'> & { aliases?: readonly string[] };

/** A piece of a text: plain, or the wording of the glossary entry `term` (its id). */
export interface TextSegment {
  text: string;
  term?: string;
}

/** The element id of a glossary entry on the glossary screen: what a link to it points at. */
export function glossaryAnchor(id: string): string {
  return `glossary-${id}`;
}

/**
 * The address of a glossary entry: the game's own page with the entry's anchor. Clicking such a
 * link opens the glossary screen there; opened in a new tab, the game starts at the entry.
 */
export function glossaryHref(id: string): string {
  return `./#${glossaryAnchor(id)}`;
}

/** The address of the glossary itself. */
export const GLOSSARY_HREF = './#glossary';

/** What a page's fragment asks of the glossary: null for none, {} for the glossary, or the entry to open it at. */
export function glossaryOfHash(hash: string): { term?: string } | null {
  const match = /^#glossary(?:-([a-z0-9][a-z0-9_-]*))?$/.exec(hash);
  if (!match) return null;
  return match[1] === undefined ? {} : { term: match[1] };
}

/** The wordings an entry is found by: its term, the term without a trailing parenthesis, and its aliases. */
export function wordingsOf(entry: Findable): string[] {
  const wordings = [entry.term, entry.term.replace(/\s*\([^)]*\)\s*$/, ''), ...(entry.aliases ?? [])];
  return [...new Set(wordings.map((wording) => wording.trim()).filter((wording) => wording.length >= 2))];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A wording as a pattern: any run of spaces matches any run of spaces, and straight and curly apostrophes match each other. */
const patternOf = (wording: string) => escape(wording).replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]");

/**
 * The text cut into segments, each entry's first appearance marked with its id. `linked` holds
 * the ids already linked in the same block (a paragraph, a list): they stay plain, and the ids
 * linked here are added to it, so a block of several texts links each term once.
 */
export function termSegments(text: string, glossary: readonly Findable[], linked: Set<string> = new Set()): TextSegment[] {
  const byWording = new Map<string, string>();
  for (const entry of glossary)
    for (const wording of wordingsOf(entry)) if (!byWording.has(fold(wording))) byWording.set(fold(wording), entry.id);
  if (text === '') return [];
  if (byWording.size === 0) return [{ text }];
  // The longest wording first, so that "chance of war" wins over "war" where both begin.
  const wordings = [...byWording.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${wordings.map(patternOf).join('|')})(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu');
  const segments: TextSegment[] = [];
  let plain = '';
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const id = idOf(byWording, match[0]);
    plain += text.slice(at, match.index);
    at = match.index + match[0].length;
    if (id === undefined || linked.has(id)) {
      plain += match[0];
      continue;
    }
    linked.add(id);
    if (plain) segments.push({ text: plain });
    segments.push({ text: match[0], term: id });
    plain = '';
  }
  plain += text.slice(at);
  if (plain) segments.push({ text: plain });
  return segments;
}

/** The entry a match names: as it stands, or without a plural ending. */
function idOf(byWording: Map<string, string>, match: string): string | undefined {
  const key = fold(match);
  return byWording.get(key) ?? (key.endsWith('s') ? (byWording.get(key.slice(0, -1)) ?? byWording.get(key.replace(/es$/, ''))) : undefined);
}

/** A wording as a key: lower case, single spaces, straight apostrophes. */
function fold(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/’/g, "'").toLowerCase();
}
