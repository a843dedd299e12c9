/**
 * Where focus lands: on every screen, after every keyboard shortcut the screen offers, and at every
 * stop of the Tab key through the screen, the focused element is inside the window, and at its centre
 * it is what shows (not a sticky bar, a footer, or anything else drawn over it).
 */
import type { Page } from '@playwright/test';
import { expect, press, recordFindings, test, waitForScreen } from './fixtures.ts';
import { openReplay, PARTS, toFirstTable, tour, type Part, type Stop } from './tour.ts';

// The tour meets the guided first game as a new player does.
test.use({ firstGameGuide: true });

/** What is wrong with where focus is now, or null. */
export async function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const describe = (node: Element | null): string => {
      if (!node) return 'nothing';
      const element = node as HTMLElement;
      const labels = element instanceof HTMLInputElement ? [...(element.labels ?? [])] : [];
      const text = element.getAttribute('aria-label') ?? (labels[0] ?? element).textContent ?? '';
      const name = text.trim().replace(/\s+/g, ' ').slice(0, 40);
      const classes = element.classList.length > 0 ? `.${[...element.classList].join('.')}` : '';
      const type = element instanceof HTMLInputElement ? `[type=${element.type}]` : '';
      return `${element.tagName.toLowerCase()}${classes}${type} "${name}"`;
    };
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) return 'nothing has focus (it is on the page body)';
    const box = element.getBoundingClientRect();
    const where = `at ${Math.round(box.left)},${Math.round(box.top)}, ${Math.round(box.width)}×${Math.round(box.height)}`;
    if (box.width === 0 && box.height === 0) return `${describe(element)} has focus but no box (it is hidden)`;
    // An element taller or wider than the window (a focused panel) needs only its start in view.
    const bottom = box.height > window.innerHeight ? box.top + 1 : box.bottom;
    const right = box.width > window.innerWidth ? box.left + 1 : box.right;
    if (box.top < -1 || box.left < -1 || bottom > window.innerHeight + 1 || right > window.innerWidth + 1)
      return `${describe(element)} is outside the window (${where}; window ${window.innerWidth}×${window.innerHeight})`;
    // A link that wraps is several boxes, and the middle of their union may be outside all of them.
    const part = [...element.getClientRects()].find((rect) => rect.width > 0 && rect.height > 0) ?? box;
    const x = part.left + Math.min(part.width, window.innerWidth) / 2;
    const y = part.top + Math.min(part.height, window.innerHeight) / 2;
    const hit = document.elementFromPoint(x, y);
    // A control drawn by its label (a styled radio or checkbox) shows through the label.
    const labels = element instanceof HTMLInputElement ? [...(element.labels ?? [])] : [];
    const shows = hit !== null && (hit === element || element.contains(hit) || labels.some((label) => label.contains(hit)));
    return shows ? null : `${describe(element)} is covered by ${describe(hit)} (${where})`;
  });
}

/** Tabs through the screen (at most `limit` stops) and lists where focus went wrong. */
async function tabProblems(page: Page, limit = 80): Promise<string[]> {
  const problems: string[] = [];
  const visited = new Set<string>();
  for (let stop = 0; stop < limit; stop++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      element.setAttribute('data-tab-seen', element.getAttribute('data-tab-seen') ?? String(Math.random()));
      return element.getAttribute('data-tab-seen');
    });
    if (id === null || visited.has(id)) break;
    visited.add(id);
    const problem = await focusProblem(page);
    if (problem) problems.push(`Tab: ${problem}`);
  }
  await page.evaluate(() => document.querySelectorAll('[data-tab-seen]').forEach((element) => element.removeAttribute('data-tab-seen')));
  return problems;
}

/**
 * Shortcuts each screen offers that keep it on the same screen, pressed in turn (and undone where they
 * change a mode). G on the table and the round result is a stop of the tour of its own (the breakdown).
 */
const SHORTCUTS: Partial<Record<Stop, string[][]>> = {
  glossary: [['f']],
  'table-answer': [['g']],
  'table-counter': [['Escape'], ['c']],
  'table-walkout': [['Escape'], ['w']],
  'table-reply-some': [['Escape'], ['s']],
  replay: [['ArrowRight'], ['ArrowLeft'], ['End'], ['Home'], ['Space'], ['Space']],
  // D downloads the session file (P opens the browser's print dialog, which a headless browser has not).
  debrief: [['d']],
  'class-view': [['e']],
};

/** Stops with nothing to focus: the print layout. */
const NOT_INTERACTIVE = new Set<Stop>(['debrief-print']);

for (const part of Object.keys(PARTS) as Part[]) {
  test(`focus stays in view and uncovered on every screen and after every shortcut: ${part}`, async ({ page, consoleErrors }) => {
    const found: Partial<Record<Stop, string[]>> = {};
    await tour(
      page,
      async (stop) => {
        if (NOT_INTERACTIVE.has(stop)) return;
        const problems: string[] = [];
        const focused = await page.evaluateHandle(() => document.activeElement);
        const arrival = await focusProblem(page);
        if (arrival) problems.push(`on arrival: ${arrival}`);
        for (const keys of SHORTCUTS[stop] ?? []) {
          await press(page, ...keys);
          const problem = await focusProblem(page);
          if (problem) problems.push(`after ${keys.join(' ')}: ${problem}`);
        }
        problems.push(...(await tabProblems(page)));
        // The tour goes on from where focus was (Enter on a focused button would press that button).
        await focused.evaluate((element) => (element as HTMLElement | null)?.focus());
        found[stop] = problems;
        recordFindings('focus', stop, problems);
      },
      [part],
    );
    for (const [stop, problems] of Object.entries(found)) expect.soft(problems, `focus on ${stop}`).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test('focus after the shortcuts that leave the table: Enter proposes, Enter takes the seat, A accepts all, Enter goes on', async ({
  page,
  consoleErrors,
}) => {
  const problems: string[] = [];
  const check = async (what: string) => {
    const problem = await focusProblem(page);
    if (problem) problems.push(`after ${what}: ${problem}`);
  };
  await toFirstTable(page, async () => undefined);
  await page.locator('.guide .guide-skip').click();
  // A package inside both sides' red lines, so that the other side may accept it all.
  for (const position of ['not-on-agenda', 'inf-talks', 'notification'])
    await page.locator(`input[type=radio][value="${position}"]`).check({ timeout: 10_000 });
  await press(page, 'Enter');
  await waitForScreen(page, 'hand-over');
  await check('Enter (propose)');
  await press(page, 'Enter');
  await expect(page.locator('#ui')).toHaveAttribute('data-state', /^response@0$/);
  await waitForScreen(page, 'table');
  await check('Enter (hand-over)');
  await press(page, 'a');
  await waitForScreen(page, 'round-result');
  await check('A (accept all)');
  await press(page, 'Enter');
  // An agreement on every track ends the game: the debrief.
  await waitForScreen(page, 'debrief');
  await check('Enter (see the outcome)');
  recordFindings('focus', 'table: A, Enter', problems);
  expect(problems).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('focus after T in the replay, with the scrubber focused: a new game from that point', async ({ page, consoleErrors }) => {
  await openReplay(page);
  await page.locator('.scrubber').focus();
  await press(page, 't');
  await expect(page.locator('#ui'), 'T takes over from the point shown').not.toHaveAttribute('data-screen', 'replay');
  const problem = await focusProblem(page);
  recordFindings('focus', 'replay: T', problem ? [problem] : []);
  expect(problem).toBeNull();
  expect(consoleErrors).toEqual([]);
});

test('the check itself catches focus off the window and under a sticky bar', async ({ page }) => {
  await tour(
    page,
    async (stop) => {
      if (stop !== 'menu') return;
      expect(await focusProblem(page)).toBeNull();
      await page.evaluate(() => {
        const below = document.createElement('button');
        below.textContent = 'Far below';
        below.style.cssText = 'position: fixed; top: 5000px';
        document.querySelector('#ui section')!.append(below);
        below.focus();
      });
      expect(await focusProblem(page)).toMatch(/^button "Far below" is outside the window/);
      await page.evaluate(() => {
        const bar = document.createElement('div');
        bar.style.cssText = 'position: fixed; inset: 0; background: white; z-index: 10';
        bar.className = 'sticky-bar';
        document.body.append(bar);
        document.querySelector<HTMLElement>('#ui nav button')!.focus();
      });
      expect(await focusProblem(page)).toMatch(/ is covered by div\.sticky-bar/);
    },
    ['menus'],
  );
});
