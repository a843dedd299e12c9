/**
 * "Show the guide again", for How to play: it clears what the browser remembers, so the guided
 * first game shows in the first round of the next game (or of this one, if it is still in its
 * first round). Kept apart from the rest of the guide so the menu's bundle stays small.
 */
import type { Announcer } from '../../ui/announcer.ts';
import { button, el } from '../../ui/dom.ts';
import { guideMemory } from './guide-memory.ts';

const ARMED = 'The guide will show in the first round of your next game.';

export function guideAgainControl(announcer: Announcer): HTMLElement {
  const memory = guideMemory();
  const note = el('span', { class: 'note', text: memory.seen ? '' : ARMED });
  const again = button('Show the guide again', () => {
    memory.seen = false;
    note.textContent = ARMED;
    announcer.say(ARMED);
  });
  return el('span', { class: 'guide-again' }, again, note);
}
