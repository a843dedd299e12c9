/**
 * The layout of every screen at 1024×768, 1280×720 and 1920×1080, at 100%, 125% and 150% text, and
 * in high contrast at 150%: nothing overlaps, nothing clips, nothing collapses, and no content shows
 * through below a sticky bar. And, at the three sizes, the longest labels a scenario may hold: no text
 * spills out of its box or off the window.
 *
 * Speed: each setting runs the tour of tour.ts (one page load per part, session files imported
 * rather than games replayed), and the checks are one script in the page per screen.
 */
import type { Page } from '@playwright/test';
import { expect, recordFindings, test } from './fixtures.ts';
import { adaptedGeneva, type ScenarioFile } from './play-helpers.ts';
import { tour, type Stop } from './tour.ts';

// The tour meets the guided first game as a new player does: its coach marks are checked too.
test.use({ firstGameGuide: true });

/** Text-bearing blocks whose text spills out of their own box or past a clipping ancestor. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('the page is wider than the window');
    const blocks = ['block', 'flex', 'grid', 'list-item', 'table-cell', 'inline-block', 'inline-flex', '-webkit-box'];
    for (const element of document.querySelectorAll<HTMLElement>('#ui *')) {
      const style = getComputedStyle(element);
      if (!blocks.includes(style.display) || style.visibility === 'hidden' || element.closest('[hidden]')) continue;
      const text = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
      if (!text) continue;
      const truncates = style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
      const label = `${element.tagName.toLowerCase()}.${element.className || '-'} "${element.textContent?.trim().slice(0, 40)}"`;
      if (!truncates && element.scrollWidth > element.clientWidth + 1 && style.overflowX === 'visible')
        problems.push(`spills out of its box: ${label}`);
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      let clip = element.parentElement;
      while (clip && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
      const bounds = clip ? clip.getBoundingClientRect() : { left: 0, right: window.innerWidth };
      if (box.right > bounds.right + 1 || box.left < bounds.left - 1) problems.push(`sticks out sideways: ${label}`);
    }
    return problems;
  });
}

/**
 * Overlaps, clipping, collapse and show-through on the screen as it is now, as readable lines.
 *
 * - Overlap: the visible parts (clipped by every scrolling or clipping ancestor and by the window) of
 *   two "atoms" — a line of text, a control, or a slot where the canvas draws (gauge, map, chart) —
 *   intersect, and neither atom's element contains the other's (a button's own text is part of the
 *   button). Intended stacking is not an overlap: (1) an overlay (the guide's coach mark, a dialog, a
 *   tooltip, a popover, the toast, a panel absolutely placed above the page with a z-index) over the screen; (2) a sticky or fixed bar over content that scrolls
 *   beneath it in the same scroll container — that is what sticky bars are for, and the show-through
 *   check below makes sure such a bar hides what is under it. Lines of text have a little leading
 *   above and below their glyphs, so an overlap counts only when it is at least 4px wide and covers a
 *   third of the shorter atom's height.
 * - Clipping: text cut off at the bottom by an ancestor that hides overflow (hidden or clip; a
 *   scrolling ancestor scrolls instead), unless the text is meant to truncate (ellipsis, line clamp).
 *   Sideways clipping is the overflow check above.
 * - Collapse: a scroll region whose content needs more room than it has, shown less than two lines
 *   of text tall; a canvas slot less than three lines tall.
 * - Show-through: a sticky or fixed bar that holds text or controls must be opaque, and a sticky bar
 *   must sit flush with the edge of its scroll container that it sticks to: between them, scrolled
 *   content would show. Each scroll container is checked scrolled to its top and to its middle.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    type Box = { left: number; top: number; right: number; bottom: number };
    const root = document.querySelector<HTMLElement>('#ui')!;
    const problems = new Set<string>();
    const describe = (element: Element): string => {
      const classes = element.classList.length > 0 ? `.${[...element.classList].slice(0, 3).join('.')}` : '';
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
      return `${element.tagName.toLowerCase()}${classes}${text ? ` "${text}"` : ''}`;
    };
    /** Drawn at all: not hidden, not in a closed <details>, not transparent, not clipped away as "visually hidden" text for screen readers. */
    const shown = (element: Element): boolean => {
      if (element.closest('[hidden], [aria-hidden="true"]')) return false;
      if (!element.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true })) return false;
      for (let node: Element | null = element; node && node !== root; node = node.parentElement) {
        const style = getComputedStyle(node);
        // The ways to hide text from the eye only: clip: rect(0 0 0 0), clip-path: inset(50%).
        if (style.clipPath.startsWith('inset(50%') || (style.clip !== 'auto' && ['absolute', 'fixed'].includes(style.position)))
          return false;
      }
      return true;
    };
    const scrolls = (value: string) => value === 'auto' || value === 'scroll';
    const clips = (style: CSSStyleDeclaration) => style.overflowX !== 'visible' || style.overflowY !== 'visible';
    const meet = (a: Box, b: Box): Box => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom),
    });
    const area = (box: Box) => Math.max(0, box.right - box.left) * Math.max(0, box.bottom - box.top);
    const window_ = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    /** The part of a box inside every clipping ancestor of `element` (inclusive when asked) and the window. */
    const visiblePart = (element: Element, box: Box, inclusive = false): Box => {
      let part = meet(box, window_);
      for (let node = inclusive ? element : element.parentElement; node && node !== document.body; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.position === 'fixed') break;
        if (clips(style)) part = meet(part, node.getBoundingClientRect());
      }
      return part;
    };
    const lineHeight = (element: Element) => {
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      return Number.isNaN(parseFloat(style.lineHeight)) ? size * 1.2 : parseFloat(style.lineHeight);
    };
    const stuck = (element: Element) => ['sticky', 'fixed'].includes(getComputedStyle(element).position);
    const OVERLAYS =
      '.guide, .guide-ring, .guide-pointer, dialog, [role="dialog"], [role="alertdialog"], [role="tooltip"], [popover], #toast';
    // A panel lifted above the page — absolutely placed, with a stacking order of its own (the gauge's breakdown
    // floating over the meters) — is an overlay too.
    const lifted = (element: Element): Element | null => {
      for (let node: Element | null = element; node && node !== root; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.position === 'absolute' && style.zIndex !== 'auto' && Number(style.zIndex) > 0) return node;
      }
      return null;
    };

    // ---- Atoms ----
    interface Atom {
      element: Element;
      box: Box;
      layer: Element | null;
      overlay: Element | null;
    }
    const atoms: Atom[] = [];
    const add = (element: Element, box: Box, text: boolean) => {
      // A line of text is clipped by its own element too (an ellipsis, a scrolling box); a control's box is not.
      const part = visiblePart(element, box, text);
      if (part.right - part.left < 2 || part.bottom - part.top < 2) return;
      let layer: Element | null = null;
      for (let node: Element | null = element; node && node !== root; node = node.parentElement) if (stuck(node)) layer = node;
      atoms.push({ element, box: part, layer, overlay: element.closest(OVERLAYS) ?? lifted(element) });
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !shown(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 1 && rect.height > 1) add(parent, rect, true);
    }
    const CONTROLS =
      'button, input:not([type="hidden"]), select, textarea, a[href], summary, [role="slider"], .gauge-slot, .map-slot, .chart-slot';
    for (const control of root.querySelectorAll(CONTROLS)) if (shown(control)) add(control, control.getBoundingClientRect(), false);

    // ---- Overlap ----
    const scrollerOf = (element: Element): Element | null => {
      for (let node = element.parentElement; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (scrolls(style.overflowY) || scrolls(style.overflowX)) return node;
      }
      return null;
    };
    const scrollable = (element: Element | null) => element !== null && element.scrollHeight > element.clientHeight + 2;
    for (let i = 0; i < atoms.length; i++) {
      for (let j = i + 1; j < atoms.length; j++) {
        const a = atoms[i]!;
        const b = atoms[j]!;
        if (a.element === b.element || a.element.contains(b.element) || b.element.contains(a.element)) continue;
        const both = meet(a.box, b.box);
        const height = Math.min(a.box.bottom - a.box.top, b.box.bottom - b.box.top);
        if (both.right - both.left < 4 || both.bottom - both.top < Math.max(4, height / 3)) continue;
        if (a.overlay !== b.overlay) continue;
        if (a.layer !== b.layer) {
          const bar = a.layer ?? b.layer!;
          const other = a.layer ? b : a;
          // Content scrolling beneath the bar: in a sticky bar's own scroll container; under a fixed bar, in any scrolling box.
          const scroller = getComputedStyle(bar).position === 'fixed' ? scrollerOf(other.element) : scrollerOf(bar);
          if (scroller && scroller.contains(other.element) && scrollable(scroller)) continue;
        }
        problems.add(`overlap: ${describe(a.element)} and ${describe(b.element)}`);
      }
    }

    // ---- Clipping (at the bottom) ----
    for (const element of root.querySelectorAll('*')) {
      if (!shown(element)) continue;
      const own = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
      if (!own) continue;
      const style = getComputedStyle(element);
      if (style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none') continue;
      const box = element.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) continue;
      if (style.overflowY === 'hidden' || style.overflowY === 'clip') {
        if (element.scrollHeight > element.clientHeight + 2)
          problems.add(`clipped: the text of ${describe(element)} is cut off at its foot`);
        continue;
      }
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const clipStyle = getComputedStyle(node);
        if (clipStyle.position === 'fixed' || scrolls(clipStyle.overflowY)) break;
        if ((clipStyle.overflowY === 'hidden' || clipStyle.overflowY === 'clip') && box.bottom > node.getBoundingClientRect().bottom + 2) {
          problems.add(`clipped: ${describe(element)} is cut off by ${describe(node)}`);
          break;
        }
      }
    }

    // ---- Collapse ----
    for (const element of root.querySelectorAll('*')) {
      if (!shown(element)) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (box.width < 2) continue;
      if (scrolls(style.overflowY) && element.scrollHeight > element.clientHeight + 2 && element.clientHeight < 2 * lineHeight(element))
        problems.add(
          `collapsed: ${describe(element)} scrolls ${Math.round(element.scrollHeight)}px of content in ${element.clientHeight}px`,
        );
      if (element.matches('.gauge-slot, .map-slot, .chart-slot') && box.height < 3 * lineHeight(document.documentElement))
        problems.add(`collapsed: ${describe(element)} (a drawing) is ${Math.round(box.height)}px tall`);
    }

    // ---- Show-through ----
    const opaque = (element: Element) => {
      const style = getComputedStyle(element);
      const alpha = /rgba?\(([^)]*)\)/.exec(style.backgroundColor)?.[1]?.split(/[\s,/]+/)[3];
      return (style.backgroundImage !== 'none' || alpha === undefined || Number(alpha) >= 1) && Number(style.opacity) >= 1;
    };
    const bars = [...root.querySelectorAll('*')].filter(
      (element) => stuck(element) && shown(element) && !element.matches('.guide-ring, .guide-pointer') && element.textContent?.trim(),
    );
    // A bar must hide what can pass beneath it: content in a scrolling box under it (a sticky bar: in its own
    // scroll container) that lines up with it across, so that scrolling brings it under the bar.
    const passesBeneath = (bar: Element) => {
      const box = bar.getBoundingClientRect();
      const sticky = getComputedStyle(bar).position === 'sticky';
      return atoms.some((atom) => {
        if (bar.contains(atom.element) || atom.overlay || Math.min(atom.box.right, box.right) - Math.max(atom.box.left, box.left) < 4)
          return false;
        const scroller = scrollerOf(atom.element);
        if (!scrollable(scroller)) return false;
        return sticky ? scroller === scrollerOf(bar) : area(meet(scroller!.getBoundingClientRect(), box)) > 0;
      });
    };
    for (const bar of bars)
      if (!opaque(bar) && passesBeneath(bar))
        problems.add(`see-through: the ${getComputedStyle(bar).position} bar ${describe(bar)} lets content show through`);
    const sticky = bars.filter((bar) => getComputedStyle(bar).position === 'sticky');
    const scrollers = new Set(sticky.map(scrollerOf).filter((scroller): scroller is Element => scroller !== null));
    for (const scroller of scrollers) {
      if (scroller.scrollHeight <= scroller.clientHeight + 2) continue;
      const was = scroller.scrollTop;
      for (const at of [0, Math.floor((scroller.scrollHeight - scroller.clientHeight) / 2)]) {
        scroller.scrollTop = at;
        await new Promise(requestAnimationFrame);
        const frame = visiblePart(scroller, scroller.getBoundingClientRect(), true);
        // The scrollport: inside the borders (and the scroll bar).
        const inner = scroller.getBoundingClientRect();
        const port = meet(frame, {
          left: inner.left + scroller.clientLeft,
          top: inner.top + scroller.clientTop,
          right: inner.left + scroller.clientLeft + scroller.clientWidth,
          bottom: inner.top + scroller.clientTop + scroller.clientHeight,
        });
        for (const bar of sticky.filter((item) => scrollerOf(item) === scroller)) {
          const style = getComputedStyle(bar);
          const box = bar.getBoundingClientRect();
          const strips: Box[] = [];
          if (style.bottom !== 'auto' && box.bottom < port.bottom - 1)
            strips.push({ left: box.left, right: box.right, top: box.bottom, bottom: port.bottom });
          if (style.top !== 'auto' && box.top > port.top + 1)
            strips.push({ left: box.left, right: box.right, top: port.top, bottom: box.top });
          for (const strip of strips) {
            const y = (strip.top + strip.bottom) / 2;
            for (let x = strip.left + 4; x < strip.right; x += Math.max(8, (strip.right - strip.left) / 12)) {
              const hit = document.elementFromPoint(x, y);
              // Content, not just the background of a box that holds it: its own text, or a control.
              const content =
                hit !== null &&
                (hit.matches(CONTROLS) || [...hit.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()));
              if (content && hit !== scroller && scroller.contains(hit) && !bar.contains(hit) && !hit.closest(OVERLAYS)) {
                problems.add(
                  `shows through: ${describe(hit)} shows in the ${Math.round(strip.bottom - strip.top)}px between the sticky bar ${describe(bar)} and the edge of ${describe(scroller)}`,
                );
                break;
              }
            }
          }
        }
      }
      scroller.scrollTop = was;
    }
    return [...problems];
  });
}

type Size = readonly [number, number];
const SIZES: readonly Size[] = [
  [1024, 768],
  [1280, 720],
  [1920, 1080],
];
/** Each text setting, with the window size its tour is played at (each size has a turn). */
const SETTINGS = [
  { textSize: 100, highContrast: false, playedAt: 0 },
  { textSize: 125, highContrast: false, playedAt: 1 },
  { textSize: 150, highContrast: false, playedAt: 2 },
  { textSize: 150, highContrast: true, playedAt: 0 },
] as const;

/** Stops whose layout is the printed page, not the window: checked for spill only. */
const PRINT = new Set<Stop>(['debrief-print']);

/** Sets the window's size and waits for the game to lay itself out again (the canvas follows on the next frames). */
async function resize(page: Page, [width, height]: Size): Promise<void> {
  if (page.viewportSize()?.width !== width || page.viewportSize()?.height !== height) await page.setViewportSize({ width, height });
  // Some of the layout is set by scripts a frame after a change (the heights of sticky bars, the canvas slots).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/*
 * One test per text setting. The tour is played once per setting, at one window size (each size has
 * its turn across the settings); at each screen the window takes each of the three sizes in turn and
 * is checked, then goes back for the tour to go on. A student may resize the window on any screen, so
 * this is a fair way to reach a screen at a size, and it keeps the 36 combinations of screens, sizes
 * and settings to four tours.
 */
for (const { textSize, highContrast, playedAt } of SETTINGS) {
  const setting = `text ${textSize}%${highContrast ? ', high contrast' : ''}`;
  test(`layout at ${setting}, at 1024×768, 1280×720 and 1920×1080: nothing overlaps, clips, collapses or shows through`, async ({
    page,
    consoleErrors,
  }, testInfo) => {
    const played = SIZES[playedAt]!;
    await resize(page, played);
    const settings = { volume: 0.7, muted: true, reducedMotion: true, textSize, highContrast };
    await page.addInitScript((value) => localStorage.setItem('red-lines:settings', value), JSON.stringify(settings));
    const found = new Map<string, Set<string>>();
    let shot = 0;
    await tour(page, async (stop) => {
      for (const size of [played, ...SIZES.filter((item) => item !== played)]) {
        await resize(page, size);
        const problems = [...(await overflowing(page)), ...(PRINT.has(stop) ? [] : await layoutProblems(page))];
        const key = `${stop} @ ${size.join('×')}, ${setting}`;
        found.set(key, new Set([...(found.get(key) ?? []), ...problems]));
        // Screenshots of every screen at 150% text, to be looked at.
        if (textSize === 150 && !highContrast && size[0] !== 1920)
          await page.screenshot({ path: testInfo.outputPath(`${size[0]}-${String(++shot).padStart(2, '0')}-${stop}.png`) });
      }
      await resize(page, played);
    });
    for (const [key, problems] of found) {
      recordFindings('layout', key, [...problems]);
      expect.soft([...problems], `layout of ${key}`).toEqual([]);
    }
    expect(consoleErrors).toEqual([]);
  });
}

/** A name as long as the schema lets it be, made of the name's own words. */
const longest = (what: string, length: number) => `${what} `.repeat(20).slice(0, length).trim();

/** Geneva with the longest names the schema allows: sides, tracks, positions, posture moves and venues. */
function longestLabels(): ScenarioFile {
  type Named = { name: string; shortName: string; label: string; venue: string; positions: Named[] };
  return adaptedGeneva<Record<'sides' | 'tracks' | 'postureMoves' | 'rounds', Named[]>>(
    'geneva-longest-labels',
    'Geneva, the longest labels',
    (doc) => {
      doc.sides[0]!.shortName = longest('Westernmost', 16);
      doc.sides[0]!.name = longest('Alliance', 60);
      for (const track of doc.tracks) {
        track.name = longest(track.name, 60);
        for (const position of track.positions) position.label = longest(position.label, 80);
      }
      for (const move of doc.postureMoves) move.name = longest(move.name, 60);
      for (const round of doc.rounds) round.venue = longest(round.venue, 80);
    },
  );
}

for (const [width, height] of SIZES) {
  test(`layout at ${width}×${height} with the longest labels`, async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width, height });
    const found: string[] = [];
    await tour(
      page,
      async (stop) => {
        found.push(...(await overflowing(page)).map((problem) => `${stop}: ${problem}`));
      },
      ['firstRound'],
      longestLabels(),
    );
    recordFindings('layout', `longest labels @ ${width}×${height}`, found);
    expect(found).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test('the checks themselves catch spill, overlap, clipping, collapse and show-through', async ({ page }) => {
  await tour(
    page,
    async (stop) => {
      if (stop !== 'menu') return;
      expect(await layoutProblems(page)).toEqual([]);
      await page.evaluate(() => {
        // A board over the top left of the menu, so that every specimen is in view.
        const board = document.createElement('div');
        // No z-index: a lifted board would count as an overlay, whose contents the checks leave alone.
        board.style.cssText = 'position: absolute; left: 0; top: 0; width: 300px; background: black';
        document.querySelector('#ui')!.append(board);
        const add = (html: string) => {
          const holder = document.createElement('div');
          holder.innerHTML = html;
          board.append(holder);
        };
        add('<p style="width: 60px; white-space: nowrap">A label far too long for its box</p>');
        add('<p style="margin: 0">Under</p><p style="position: relative; margin: 0; top: -1em">Over it</p>');
        add('<div style="height: 1.5em; overflow: hidden"><p>Cut</p><p>off</p></div>');
        add('<div style="height: 0.5em; overflow: auto"><p>Squeezed</p><p>flat</p></div>');
        add(
          '<div class="scroller" style="height: 120px; overflow: auto; padding-bottom: 30px"><p style="height: 400px">Scrolled text</p><footer style="position: sticky; bottom: 0; background: black">Bar</footer></div>',
        );
        add(
          '<div style="height: 100px; overflow: auto"><div class="glassy" style="position: sticky; top: 0; background: rgba(0, 0, 0, 0.5)">Glass</div><p style="height: 300px">Beneath</p></div>',
        );
      });
      expect(await overflowing(page)).toContainEqual(expect.stringContaining('spills out of its box: p.- "A label far too long'));
      const problems = await layoutProblems(page);
      for (const expected of [
        /^overlap: p "Under" and p "Over it"$/,
        /^clipped: p "off" is cut off by div/,
        /^collapsed: div "Squeezed\s?flat" scrolls/,
        /^shows through: p "Scrolled text" shows in the 30px between the sticky bar footer "Bar" and the edge of div\.scroller/,
        /^see-through: the sticky bar div\.glassy "Glass"/,
      ])
        expect(problems, String(expected)).toContainEqual(expect.stringMatching(expected));
    },
    ['menus'],
  );
});
