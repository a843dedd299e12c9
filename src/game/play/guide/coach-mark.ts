/**
 * The coach mark: one step of the guide at a time, in a small dialog next to the control it
 * explains, with a ring around that control. It never covers the control, stays inside the
 * window and follows the control when the window, the text or the screen's layout changes.
 *
 * Keys: focus moves into the mark when it opens and Tab cycles inside it, so that the keys a
 * student presses while reading (A, W, Enter…) work the guide, never the game behind it:
 * → and ← step, Enter and Space press the focused button, Esc skips the guide wherever focus is.
 * The mark does not block the mouse: clicking the game is allowed, and from there the game's
 * keys are the game's again. When the guide ends, focus goes back to where it was.
 */
import { focusInView } from '../../ui/focus.ts';
import { button, el, uniqueId } from '../../ui/dom.ts';
import type { GuideStep } from '../../view/guide-steps.ts';
import { termLink } from '../../ui/term-text.ts';
import { intersect, placeMark, type Box, type Side } from './placement.ts';

export interface CoachMarkHost {
  /** The DOM layer the mark is shown in (the screen's panel is inside it). */
  root: HTMLElement;
  /** Says a step in the live region. */
  announce(text: string): void;
  /** The glossary's name for an entry, or null when the glossary has none. */
  termName(id: string): string | null;
  /** Opens the glossary at an entry (the screen comes back to this step). */
  openTerm(id: string, step: number): void;
  /** The guide ended by the player's choice; focus has gone back to the game. */
  onEnd(how: 'finished' | 'skipped'): void;
}

const TITLE = 'First-game guide';

/** A length in pixels from a computed style ('auto' and the like count as none). */
const pixels = (value: string) => Number.parseFloat(value) || 0;

/**
 * The part of a control the player can see: inside the window, inside every panel that clips it,
 * and clear of those panels' sticky bars (which the panels declare as their scroll padding) —
 * unless the control is in such a bar itself.
 */
function visibleBox(target: HTMLElement): Box {
  let box: Box = target.getBoundingClientRect();
  let inBar = false;
  for (let node: HTMLElement | null = target; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (node !== target && (style.overflowX !== 'visible' || style.overflowY !== 'visible')) {
      const frame = node.getBoundingClientRect();
      const top = frame.top + node.clientTop + (inBar ? 0 : pixels(style.scrollPaddingTop));
      const bottom = frame.top + node.clientTop + node.clientHeight - (inBar ? 0 : pixels(style.scrollPaddingBottom));
      box = intersect(box, { left: frame.left, top, width: frame.width, height: Math.max(0, bottom - top) });
      inBar = false;
    }
    if (style.position === 'sticky') inBar = true;
  }
  const view = document.documentElement;
  return intersect(box, { left: 0, top: 0, width: view.clientWidth, height: view.clientHeight });
}

export class CoachMark {
  readonly element: HTMLElement;
  private readonly ring: HTMLElement;
  private readonly pointer: HTMLElement;
  private readonly count: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly body: HTMLElement;
  private readonly more: HTMLElement;
  private readonly back: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly returnTo: Element | null;
  private index: number;
  private frame = 0;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly steps: GuideStep[],
    start: number,
    private readonly host: CoachMarkHost,
  ) {
    this.index = Math.min(Math.max(start, 0), steps.length - 1);
    this.returnTo = document.activeElement;
    const headingId = uniqueId('guide-heading');
    const bodyId = uniqueId('guide-body');
    this.count = el('p', { class: 'guide-count' });
    this.heading = el('h2', { id: headingId, class: 'guide-heading' });
    this.body = el('div', { id: bodyId, class: 'guide-body' });
    this.more = el('p', { class: 'guide-more' });
    this.back = button('Back', () => this.go(-1), { key: '←' });
    this.next = button('Next', () => this.go(1), { key: '→', class: 'primary' });
    const skip = button('Skip the guide', () => this.end('skipped'), { key: 'Esc', class: 'guide-skip' });
    this.element = el(
      'section',
      {
        class: 'guide',
        attrs: { role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': headingId, 'aria-describedby': bodyId },
      },
      this.count,
      this.heading,
      this.body,
      this.more,
      el('div', { class: 'guide-buttons' }, this.back, this.next, skip),
    );
    this.ring = el('div', { class: 'guide-ring', attrs: { 'aria-hidden': 'true' } });
    this.pointer = el('div', { class: 'guide-pointer', attrs: { 'aria-hidden': 'true' } });
    host.root.append(this.ring, this.element, this.pointer);

    this.element.addEventListener('keydown', (event) => this.onKey(event));
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      event.stopPropagation();
      this.end('skipped');
    };
    // Capture: Esc closes the guide, the topmost thing, before any screen's own Esc.
    document.addEventListener('keydown', onEscape, true);
    const relayout = () => this.schedule();
    window.addEventListener('resize', relayout);
    document.addEventListener('scroll', relayout, true);
    const resized = new ResizeObserver(relayout);
    resized.observe(this.element);
    resized.observe(host.root);
    // The screen may redraw its controls (the table does when its mode changes): follow them.
    const redrawn = new MutationObserver(relayout);
    redrawn.observe(host.root, { childList: true, subtree: true });
    this.cleanups.push(() => {
      document.removeEventListener('keydown', onEscape, true);
      window.removeEventListener('resize', relayout);
      document.removeEventListener('scroll', relayout, true);
      resized.disconnect();
      redrawn.disconnect();
      cancelAnimationFrame(this.frame);
    });

    this.render();
    this.next.focus({ preventScroll: true });
    // From its first place on, the mark may glide between steps (CSS, where motion is allowed).
    requestAnimationFrame(() => this.element.classList.add('placed'));
  }

  /** The step shown (what an aside resumes at). */
  get step(): number {
    return this.index;
  }

  /** Removes the mark without moving focus (the screen is going away). */
  destroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.element.remove();
    this.ring.remove();
    this.pointer.remove();
  }

  private onKey(event: KeyboardEvent): void {
    // Every key pressed in the mark is the guide's: the game's shortcuts must not fire behind it.
    event.stopPropagation();
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      this.go(event.key === 'ArrowRight' ? 1 : -1);
    } else if (event.key === 'Tab') {
      const stops = [...this.element.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
      const at = stops.indexOf(document.activeElement as HTMLElement);
      event.preventDefault();
      stops[(at + (event.shiftKey ? -1 : 1) + stops.length) % stops.length]?.focus();
    }
  }

  private go(by: 1 | -1): void {
    const to = this.index + by;
    if (to < 0) return;
    if (to >= this.steps.length) {
      this.end('finished');
      return;
    }
    this.index = to;
    this.render();
    // Back is disabled on the first step: focus must not stay on a disabled button.
    if (document.activeElement === this.back && this.back.disabled) this.next.focus({ preventScroll: true });
  }

  private end(how: 'finished' | 'skipped'): void {
    const hadFocus = this.element.contains(document.activeElement);
    this.destroy();
    // The guide's steps may have scrolled the control out of view: bring it back as focus returns.
    if (hadFocus && this.returnTo instanceof HTMLElement && this.returnTo.isConnected) focusInView(this.returnTo);
    this.host.announce(
      how === 'finished' ? 'Guide finished. How to play can show it again.' : 'Guide skipped. How to play can show it again.',
    );
    this.host.onEnd(how);
  }

  private render(): void {
    const step = this.steps[this.index]!;
    const last = this.index === this.steps.length - 1;
    this.count.textContent = `${TITLE} · ${this.index + 1} of ${this.steps.length}`;
    this.heading.textContent = step.heading;
    this.body.replaceChildren(...step.text.map((text) => el('p', { text })));
    const term = step.term ? this.host.termName(step.term) : null;
    this.more.hidden = !term;
    this.more.replaceChildren();
    if (step.term && term)
      this.more.append(
        'Read more: ',
        termLink(step.term, term, (id) => this.host.openTerm(id, this.index)),
      );
    this.back.disabled = this.index === 0;
    this.next.firstChild!.textContent = last ? 'Done' : 'Next';
    this.element.dataset.step = step.id;
    this.host.announce(`${TITLE}, ${this.index + 1} of ${this.steps.length}: ${step.heading}. ${step.text.join(' ')}`);
    const target = this.target();
    // Scrolled like a focused control: its panel only, clear of the screen's sticky bars.
    target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    this.layout();
  }

  private target(): HTMLElement | null {
    return this.host.root.querySelector<HTMLElement>(this.steps[this.index]!.anchor);
  }

  private schedule(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.layout());
  }

  /** Puts the mark beside its control, narrower when the wide mark would cover it. */
  private layout(): void {
    const target = this.target();
    const view = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
    if (!target) {
      // The control has gone (the screen changed its mode): the mark waits in a corner.
      this.ring.hidden = true;
      this.element.classList.remove('narrow');
      this.place({ left: view.width - this.element.offsetWidth - 8, top: view.height - this.element.offsetHeight - 8 }, null, 0);
      return;
    }
    const box = visibleBox(target);
    this.element.classList.remove('narrow');
    let placement = placeMark(box, this.size(), view);
    if (placement.overlap > 0) {
      this.element.classList.add('narrow');
      const narrow = placeMark(box, this.size(), view);
      if (narrow.overlap < placement.overlap) placement = narrow;
      else this.element.classList.remove('narrow');
    }
    this.place(placement, placement.side, placement.pointer);
    this.ring.hidden = box.width === 0 || box.height === 0;
    Object.assign(this.ring.style, {
      left: `${box.left - 4}px`,
      top: `${box.top - 4}px`,
      width: `${box.width + 8}px`,
      height: `${box.height + 8}px`,
    });
  }

  private size(): { width: number; height: number } {
    return { width: this.element.offsetWidth, height: this.element.offsetHeight };
  }

  /** Moves the mark, and its pointer to the edge that faces the control (no pointer when there is none). */
  private place(at: { left: number; top: number }, side: Side | null, along: number): void {
    const left = Math.max(0, at.left);
    const top = Math.max(0, at.top);
    this.element.style.left = `${left}px`;
    this.element.style.top = `${top}px`;
    this.element.dataset.side = side ?? 'corner';
    this.pointer.hidden = side === null;
    if (!side) return;
    const { width, height } = this.size();
    const x = side === 'right' ? left : side === 'left' ? left + width : left + along;
    const y = side === 'below' ? top : side === 'above' ? top + height : top + along;
    Object.assign(this.pointer.style, { left: `${x}px`, top: `${y}px` });
    this.pointer.dataset.side = side;
  }
}
