/**
 * Texts whose glossary terms lead to the glossary: each term's first appearance in a block is a
 * real link to its entry (an address that opens the game at the entry in a new tab too), and a
 * click hands the entry's id to the screen, which opens the glossary there and comes back as it
 * was left. The text itself goes in as text nodes, never as HTML.
 */
import { glossaryHref, termSegments, type Findable } from '../view/term-links.ts';
import { el } from './dom.ts';

/** What a screen does when a term is followed: usually, open the glossary at the entry and come back here. */
export type OpenTerm = (id: string) => void;

/** A link to the glossary entry `id`, reading `text`; screen readers also hear that it leads to the glossary. */
export function termLink(id: string, text: string, open: OpenTerm): HTMLAnchorElement {
  return el(
    'a',
    {
      class: 'term-link',
      attrs: { href: glossaryHref(id), 'data-term': id },
      on: {
        click: (event) => {
          event.preventDefault();
          open(id);
        },
      },
    },
    text,
    el('span', { class: 'visually-hidden', text: ' (glossary)' }),
  );
}

/**
 * The text as nodes to append to a block, with the first appearance of each term linked. Pass the
 * same `linked` set for the texts of one block (the items of a list) to link each term once in all.
 */
export function termText(text: string, glossary: readonly Findable[], open: OpenTerm, linked: Set<string> = new Set()): Node[] {
  return termSegments(text, glossary, linked).map((segment) =>
    segment.term === undefined ? document.createTextNode(segment.text) : termLink(segment.term, segment.text, open),
  );
}
