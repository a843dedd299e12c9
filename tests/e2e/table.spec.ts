/**
 * The negotiation table: where focus goes on entering it and after each of its shortcuts, what the
 * live region says when its mode changes, the chosen rung, disabled buttons, the layout at large
 * text, choices kept across the glossary, help and settings, the marks of the replay viewer, and
 * private red lines. A hot-seat game (seed 7) gives every mode of the table in round 1.
 */
import type { Page } from '@playwright/test';
import { expect, openMenu, press, test, waitForScreen } from './fixtures.ts';
import { playScenarioFile, privateRedLinesGeneva } from './play-helpers.ts';
import { openReplay } from './tour.ts';

const settings = (textSize: number) => JSON.stringify({ volume: 0.7, muted: true, reducedMotion: true, textSize, highContrast: false });

/** A package Russia may table in round 1 that leaves the US one track it may accept (exercises). */
const RUSSIA_OPENS = ['binding-no', 'no-us-missiles-nukes', 'reciprocal-limits'];

async function hotseatTable(page: Page, options: { textSize?: number; privateRedLines?: boolean } = {}): Promise<void> {
  await page.addInitScript((stored) => localStorage.setItem('red-lines:settings', stored), settings(options.textSize ?? 100));
  await openMenu(page);
  await press(page, 'p');
  await waitForScreen(page, 'picker');
  if (options.privateRedLines) {
    await playScenarioFile(page, privateRedLinesGeneva());
  } else {
    await press(page, '1');
    await waitForScreen(page, 'setup');
  }
  await page.getByLabel(/^Seed/).fill('7');
  await page.getByText('Two players, one screen (hot-seat)').click();
  await page.getByRole('button', { name: 'Begin' }).click();
  await waitForScreen(page, 'briefing');
  await press(page, 'Enter');
  await toTable(page, 'proposal@0');
}

/** Passes the hot-seat hand-over, if there is one, to the table in the state given. */
async function toTable(page: Page, state: string): Promise<void> {
  await expect.poll(async () => page.locator('#ui').getAttribute('data-screen')).toMatch(/^(table|hand-over)$/);
  if ((await page.locator('#ui').getAttribute('data-screen')) === 'hand-over') await press(page, 'Enter');
  await waitForScreen(page, 'table');
  await expect(page.locator('#ui')).toHaveAttribute('data-state', state);
}

/** Russia tables a package the US may accept in part; the US table opens on its answer. */
async function russiaProposes(page: Page): Promise<void> {
  for (const position of RUSSIA_OPENS) await page.locator(`.tracks input[value="${position}"]`).check();
  await press(page, 'Enter');
  await toTable(page, 'response@0');
}

/**
 * What is wrong with where focus is: outside the window; in the table's centre but above its top
 * or under its sticky action bar (unless in the bar); or covered at its centre by something else.
 */
async function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'nothing has focus';
    const label = `${element.tagName.toLowerCase()} "${(element.closest('label') ?? element).textContent?.trim().slice(0, 40)}"`;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return `${label} is hidden`;
    if (box.top < -1 || box.left < -1 || box.bottom > window.innerHeight + 1 || box.right > window.innerWidth + 1)
      return `${label} is outside the window (top ${Math.round(box.top)}, window ${window.innerHeight})`;
    const centre = element.closest<HTMLElement>('.table-centre');
    const last = centre?.lastElementChild;
    const bar = last instanceof HTMLElement && getComputedStyle(last).position === 'sticky' ? last : null;
    if (centre && bar && !bar.contains(element)) {
      const top = centre.getBoundingClientRect().top + centre.clientTop;
      if (box.top < top - 1) return `${label} is above the centre's top`;
      if (box.bottom > bar.getBoundingClientRect().top + 1) return `${label} is under the action bar`;
    }
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const labels = element instanceof HTMLInputElement ? [...(element.labels ?? [])] : [];
    const shows = hit !== null && (hit === element || element.contains(hit) || labels.some((item) => item.contains(hit)));
    return shows ? null : `${label} is covered by ${hit?.tagName.toLowerCase()}.${hit?.className}`;
  });
}

/** Scrolls the centre to its end first, as a player who has read down to the posture moves would have. */
async function scrolledDown(page: Page): Promise<void> {
  await page.locator('.table-centre').evaluate((centre) => (centre.scrollTop = centre.scrollHeight));
}

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    return (element.closest('label') ?? element).textContent?.trim() ?? '';
  });

/** The live region, which says each change of mode (the announcer writes it on the next frame). */
const said = (page: Page) => page.locator('#announcer');

for (const [width, height, textSize] of [
  [1280, 720, 100],
  [1280, 720, 150],
  [1024, 768, 150],
] as const) {
  test(`focus lands in view, clear of the action bar, on entering the table and after every shortcut (${width}×${height}, ${textSize}% text)`, async ({
    page,
    consoleErrors,
  }) => {
    await page.setViewportSize({ width, height });
    await hotseatTable(page, { textSize });
    const problems: string[] = [];
    const check = async (what: string) => {
      const problem = await focusProblem(page);
      if (problem) problems.push(`${what}: ${problem}`);
    };
    await check('entering to propose');
    await press(page, 'g');
    await check('G');
    await russiaProposes(page);
    await check('entering to answer');
    for (const [keys, back] of [
      [['c'], 'Counter'],
      [['s'], 'Accept some'],
      [['w'], 'Walk out'],
    ] as const) {
      await scrolledDown(page);
      await press(page, ...keys);
      await check(keys.join(' '));
      await scrolledDown(page);
      await press(page, 'Escape');
      await check(`${keys.join(' ')} then Esc`);
      expect.soft(await focusedName(page), 'Esc gives focus back to the button that opened the mode').toContain(back);
    }
    await press(page, 'c', 'Enter');
    await toTable(page, 'counter@0');
    await check('entering to reply');
    await scrolledDown(page);
    await press(page, 's');
    await check('S (reply)');
    await press(page, 'Escape');
    await check('S then Esc (reply)');
    expect(problems).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test('W focuses the safe choice and says what walking out does; mode changes are narrated', async ({ page, consoleErrors }) => {
  await hotseatTable(page);
  await russiaProposes(page);
  await press(page, 'w');
  await expect(page.getByRole('alertdialog', { name: 'Walk out?' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Stay at the table/ })).toBeFocused();
  await expect(said(page)).toHaveText(
    /^Walk out\? Walking out ends the talks at once and raises the risk by \d+\. Enter walks out; Escape stays/,
  );
  await press(page, 'Escape');
  await expect(said(page)).toHaveText('Back to your answer: accept some, counter, reject or walk out.');
  await press(page, 'c');
  await expect(said(page)).toHaveText(/^Counter-proposal: choose a position on each open track/);
  await press(page, 'Escape', 's');
  await expect(said(page)).toHaveText(/^Accept some: tick the tracks you accept \(you may accept Military exercises;/);
  expect(consoleErrors).toEqual([]);
});

test('exactly one rung looks chosen, in words as well as colour, and it follows the choice', async ({ page, consoleErrors }) => {
  await hotseatTable(page);
  const track = page.locator('fieldset.track').first();
  const chosen = track.locator('.rung.selected');
  await expect(chosen).toHaveCount(1);
  await expect(chosen.locator('.choice-mark')).toBeVisible();
  await expect(chosen.locator('.choice-mark')).toHaveText('✓ your choice');
  const first = await chosen.getAttribute('data-position');
  // Russia's own end of the ladder is its demand; pick another of its rungs.
  const other = track.locator(`.rung:not([data-position="${first}"]):not(.own-red)`).last();
  await other.click();
  await expect(chosen).toHaveCount(1);
  await expect(chosen).toHaveAttribute('data-position', (await other.getAttribute('data-position'))!);
  await expect(track.locator(`.rung[data-position="${first}"] .choice-mark`)).toBeHidden();
  // No other rung is painted as the chosen one.
  const looks = await track.locator('.rung').evaluateAll((rungs) => rungs.map((rung) => getComputedStyle(rung).backgroundColor));
  const chosenLook = await chosen.evaluate((rung) => getComputedStyle(rung).backgroundColor);
  expect(looks.filter((look) => look === chosenLook)).toHaveLength(1);
  // Counter mode starts from the player's demands and behaves the same.
  await russiaProposes(page);
  await press(page, 'c');
  const us = page.locator('fieldset.track').first();
  await us.locator('.rung:not(.own-red)').nth(1).click();
  await expect(us.locator('.rung.selected')).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

test('a disabled Accept all does not look like the gold primary button', async ({ page, consoleErrors }) => {
  await hotseatTable(page);
  const enabled = await page
    .getByRole('button', { name: /^Table the package/ })
    .evaluate((button) => getComputedStyle(button).backgroundColor);
  await russiaProposes(page);
  const acceptAll = page.getByRole('button', { name: /^Accept all/ });
  await expect(acceptAll).toBeDisabled();
  const look = await acceptAll.evaluate((button) => ({
    background: getComputedStyle(button).backgroundColor,
    border: getComputedStyle(button).borderStyle,
  }));
  expect(look.background).not.toBe(enabled);
  expect(look.border).toBe('dashed');
  // The reason is said beside the prompt and tied to the button.
  await expect(acceptAll).toHaveAccessibleDescription('You cannot accept the whole package: it crosses your red lines.');
  expect(consoleErrors).toEqual([]);
});

for (const [width, height] of [
  [1280, 720],
  [1024, 768],
] as const) {
  test(`at 150% text (${width}×${height}) the ladders keep their room, the band list shows whole, controls grow with the text`, async ({
    page,
    consoleErrors,
  }) => {
    await page.setViewportSize({ width, height });
    await hotseatTable(page, { textSize: 150 });
    await russiaProposes(page);
    const rem = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(rem).toBe(24);
    // Between the top of the centre and its action bar: room for at least a rung or two of a ladder.
    const room = await page.evaluate(() => {
      // The centre's sticky action bar is its last child.
      const centre = document.querySelector<HTMLElement>('.table-centre')!;
      return centre.lastElementChild!.getBoundingClientRect().top - centre.getBoundingClientRect().top;
    });
    expect(room).toBeGreaterThan(10 * rem);
    // Every band of the gauge's list shows, whole, where nothing is drawn over it.
    const bands = await page.locator('.table-screen .bands li').evaluateAll((items) =>
      items.map((item) => {
        const box = item.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + 4, box.top + box.height / 2);
        const side = item.closest('.table-side, .table-right')!.getBoundingClientRect();
        return {
          band: item.textContent,
          inside: box.top >= side.top - 1 && box.bottom <= side.bottom + 1 && box.height > 0,
          shows: hit !== null && item.contains(hit),
        };
      }),
    );
    expect(bands.filter((band) => !band.inside || !band.shows)).toEqual([]);
    // Radios and checkboxes are sized in the text's units, not fixed pixels.
    const radio = await page.locator('.posture input[type=radio]').first().boundingBox();
    expect(radio!.width).toBeGreaterThanOrEqual(rem);
    await press(page, 's');
    const box = await page.locator('.tick input[type=checkbox]').first().boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(rem);
    expect(consoleErrors).toEqual([]);
  });
}

test('where the side columns stack and scroll (large text), the map and the gauge are drawn inside the column only', async ({
  page,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await hotseatTable(page, { textSize: 150 });
  // The second turn: the map has been baked again in between (which once threw off Phaser's clipping).
  await russiaProposes(page);
  const side = page.locator('.table-side');
  await expect(side).toHaveCSS('overflow-y', 'auto');
  for (const scroll of [0, 150, 10_000]) {
    await side.evaluate((element, top) => (element.scrollTop = top), scroll);
    await page.waitForTimeout(300);
    // The canvas (the game draws it with the 2D renderer) above and below the column, across its width: background only.
    const outside = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas')!;
      const context = canvas.getContext('2d')!;
      const box = document.querySelector('.table-side')!.getBoundingClientRect();
      const background = context.getImageData(2, 2, 1, 1).data.join();
      const drawn = (top: number, bottom: number) => {
        if (bottom - top < 1) return 0;
        const pixels = context.getImageData(Math.ceil(box.left), Math.ceil(top), Math.floor(box.width), Math.floor(bottom - top)).data;
        let count = 0;
        for (let i = 0; i < pixels.length; i += 4)
          if ([pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]].join() !== background) count++;
        return count;
      };
      const inside = drawn(box.top + 2, box.bottom - 2);
      return { above: drawn(0, box.top - 2), below: drawn(box.bottom + 2, window.innerHeight), inside };
    });
    expect(outside.inside, 'something is drawn in the column').toBeGreaterThan(0);
    expect({ above: outside.above, below: outside.below }, `drawn outside the column at scroll ${scroll}`).toEqual({ above: 0, below: 0 });
  }
  expect(consoleErrors).toEqual([]);
});

test('positions, posture and tone chosen at the table survive a visit to the glossary, help and settings', async ({
  page,
  consoleErrors,
}) => {
  await hotseatTable(page);
  const track = page.locator('fieldset.track').nth(2);
  await track.locator('input[value="reciprocal-limits"]').check();
  await page.locator('.posture input[type=radio]').nth(2).check();
  await page.locator('.tone input[type=radio]').first().check();
  const expectKept = async () => {
    await expect(page.locator('fieldset.track').nth(2).locator('input[value="reciprocal-limits"]')).toBeChecked();
    await expect(page.locator('.posture input[type=radio]').nth(2)).toBeChecked();
    await expect(page.locator('.tone input[type=radio]').first()).toBeChecked();
    await expect(page.locator('fieldset.track').nth(2).locator('.rung.selected')).toHaveAttribute('data-position', 'reciprocal-limits');
  };
  for (const [button, screen] of [
    ['Glossary', 'glossary'],
    ['How to play', 'how-to-play'],
    ['Settings', 'settings'],
  ] as const) {
    await page.locator('.game-header').getByRole('button', { name: button }).click();
    await waitForScreen(page, screen);
    await press(page, 'Escape');
    await waitForScreen(page, 'table');
    await expectKept();
  }
  // A mode is kept too: countering, the counter so far.
  await press(page, 'Enter');
  await toTable(page, 'response@0');
  await press(page, 'c');
  await page.locator('fieldset.track').first().locator('.rung:not(.own-red)').nth(1).check();
  const countered = await page.locator('fieldset.track').first().locator('.rung.selected').getAttribute('data-position');
  await page.locator('.game-header').getByRole('button', { name: 'Glossary' }).click();
  await waitForScreen(page, 'glossary');
  await press(page, 'Escape');
  await waitForScreen(page, 'table');
  await expect(page.getByRole('button', { name: /^Send the counter-proposal/ })).toBeVisible();
  await expect(page.locator('fieldset.track').first().locator('.rung.selected')).toHaveAttribute('data-position', countered!);
  expect(consoleErrors).toEqual([]);
});

test('the replay viewer names the side of every demand and red line, on the right rungs', async ({ page, consoleErrors }) => {
  await openReplay(page);
  await press(page, 'Home');
  await expect(page.locator('#ui')).toHaveAttribute('data-state', /#0$/);
  const marks = await page.locator('.replay-view .badge').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  expect(marks.filter((mark) => /demands|red line/.test(mark) && !/(US\/NATO|Russia) (demands|red line)$/.test(mark))).toEqual([]);
  const rung = (label: string) => page.locator('.replay-view .rung').filter({ hasText: label });
  await expect(rung('No enlargement and back to 1997').locator('.badge')).toContainText(['Russia demands', 'US/NATO red line']);
  await expect(rung('Open door reaffirmed').locator('.badge')).toContainText(['US/NATO demands', 'Russia red line']);
  await expect(rung('No enlargement and back to 1997')).not.toContainText('US/NATO demands');
  await expect(rung('Open door reaffirmed')).not.toContainText('US/NATO red line');
  expect(consoleErrors).toEqual([]);
});

test("private red lines: each side at the table sees its own red lines only, and is told the other's are private", async ({
  page,
  consoleErrors,
}) => {
  await hotseatTable(page, { privateRedLines: true });
  const badges = () => page.locator('.table-centre .badge').allTextContents();
  // Russia proposes: its own red lines (⊘), none of the US's (✕).
  expect((await badges()).filter((mark) => mark.includes('US/NATO red line'))).toEqual([]);
  expect((await badges()).filter((mark) => mark.includes('Russia red line')).length).toBeGreaterThan(0);
  await expect(page.locator('.private-red-lines')).toHaveText(/^US\/NATO's red lines are private in this scenario/);
  await russiaProposes(page);
  expect((await badges()).filter((mark) => mark.includes('Russia red line'))).toEqual([]);
  expect((await badges()).filter((mark) => mark.includes('US/NATO red line')).length).toBeGreaterThan(0);
  await expect(page.locator('.private-red-lines')).toHaveText(/^Russia's red lines are private in this scenario/);
  expect(consoleErrors).toEqual([]);
});
