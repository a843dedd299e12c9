/**
 * The guided first game: on a player's first game, the briefing and the table of round 1 explain
 * each control next to it, one coach mark at a time; by keyboard and by mouse; never again after
 * it was finished or skipped (reloads and later games included) until How to play asks for it;
 * not past round 1 nor in the replay viewer; inside the window and beside its control at every
 * size and text scale, with focus in it, visible, and axe finding nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, press, snap, test, waitForScreen } from './fixtures.ts';
import { begin, HOTSEAT, openSetup, startAgainstPragmatist } from './play-helpers.ts';

test.use({ firstGameGuide: true });

const guide = (page: Page) => page.locator('.guide');

/** The step shown: its count line and heading. */
async function step(page: Page): Promise<string> {
  return `${await page.locator('.guide-count').textContent()} | ${await page.locator('.guide-heading').textContent()}`;
}

/** Leaves the game for the menu (the next page load then opens the menu, not the game). */
async function quit(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Quit…' }).click();
  await page.getByRole('button', { name: 'Leave' }).click();
  await waitForScreen(page, 'title');
}

async function settings(page: Page, change: { textSize?: number; highContrast?: boolean; reducedMotion?: boolean }): Promise<void> {
  await page.addInitScript((value) => {
    // Once per test: a reload must not undo what the test changes afterwards.
    if (sessionStorage.getItem('guide-test-settings')) return;
    sessionStorage.setItem('guide-test-settings', '1');
    localStorage.setItem(
      'red-lines:settings',
      JSON.stringify({ volume: 0.7, muted: true, reducedMotion: true, textSize: 100, highContrast: false, ...value }),
    );
  }, change);
}

/**
 * Where the mark is: inside the window, clear of the control it points at (the ring's inside),
 * with the focus in it, in view and drawn.
 */
async function checkPlacement(page: Page): Promise<void> {
  const measure = () =>
    page.evaluate(() => {
      const mark = document.querySelector<HTMLElement>('.guide')!.getBoundingClientRect();
      const ring = document.querySelector<HTMLElement>('.guide-ring')!;
      const target = ring.hidden ? null : ring.getBoundingClientRect();
      const focused = document.activeElement as HTMLElement;
      const focus = focused.getBoundingClientRect();
      const view = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
      // The ring is drawn 4 px outside the control.
      const covers =
        target !== null &&
        Math.min(mark.right, target.right - 4) > Math.max(mark.left, target.left + 4) &&
        Math.min(mark.bottom, target.bottom - 4) > Math.max(mark.top, target.top + 4);
      return {
        inside: mark.left >= 0 && mark.top >= 0 && mark.right <= view.width + 0.5 && mark.bottom <= view.height + 0.5,
        pointsAtSomething: target !== null && target.width > 8 && target.height > 8,
        covers,
        focusInMark: document.querySelector('.guide')!.contains(focused),
        focusInView: focus.top >= 0 && focus.bottom <= view.height && focus.left >= 0 && focus.right <= view.width,
        outline: getComputedStyle(focused).outlineStyle,
      };
    });
  // Polled: the mark may still be gliding to its place.
  await expect
    .poll(measure)
    .toEqual({ inside: true, pointsAtSomething: true, covers: false, focusInMark: true, focusInView: true, outline: 'solid' });
}

/** axe's findings in the whole DOM layer, or in the coach mark only (quicker, for the steps after the first). */
async function axe(page: Page, scope: '#ui' | '.guide'): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include(scope)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice', 'experimental'])
    .analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

/** Steps through every mark of the screen with → (checking each), then closes it with Done. */
async function walkThrough(page: Page, prefix: string, checks: { axe?: boolean; shots?: boolean } = {}): Promise<number> {
  const total = Number((await page.locator('.guide-count').textContent())?.match(/of (\d+)/)?.[1]);
  for (let index = 1; index <= total; index++) {
    await expect(page.locator('.guide-count')).toContainText(`${index} of ${total}`);
    await checkPlacement(page);
    if (checks.axe) expect(await axe(page, index === 1 ? '#ui' : '.guide'), `axe on ${prefix} step ${index}`).toEqual([]);
    if (checks.shots) await snap(page, `${prefix}-${String(index).padStart(2, '0')}`);
    await expect(page.locator('.guide .primary')).toContainText(index === total ? 'Done' : 'Next');
    await press(page, 'ArrowRight');
  }
  await expect(guide(page)).toHaveCount(0);
  return total;
}

test('a first game: the briefing and the table of round 1 explain their controls, by keyboard, once', async ({ page, consoleErrors }) => {
  await startAgainstPragmatist(page, 11);
  await expect(guide(page)).toBeVisible();
  await expect(guide(page)).toHaveAttribute('role', 'dialog');
  expect(await step(page)).toBe('First-game guide · 1 of 5 | The briefing');
  // Focus moves into the mark, and the mark is said in the live region.
  await expect(page.getByRole('button', { name: /^Next/ })).toBeFocused();
  await expect(page.locator('#announcer')).toHaveText(/^First-game guide, 1 of 5: The briefing\. Each of the 5 rounds/);
  await expect(page.getByRole('button', { name: /^Back/ })).toBeDisabled();

  // While focus is in the guide, the keys are the guide's: Enter presses Next, not "Go to the table".
  await press(page, 'Enter');
  await expect(page.locator('#ui')).toHaveAttribute('data-screen', 'briefing');
  expect(await step(page)).toContain('2 of 5 | Red lines');
  await press(page, 'ArrowLeft');
  expect(await step(page)).toContain('1 of 5 | The briefing');
  // Tab stays in the mark (Back is disabled on the first step).
  await press(page, 'Tab', 'Tab', 'Tab');
  expect(await page.evaluate(() => document.querySelector('.guide')!.contains(document.activeElement))).toBe(true);
  await page.getByRole('button', { name: /^Next/ }).focus();

  await walkThrough(page, 'guide-briefing');
  // Done gives focus back to where it was, and the briefing's own keys work again.
  await expect(page.locator('.game-header h1')).toBeFocused();
  await press(page, 'Enter');
  await waitForScreen(page, 'table');
  await expect(page.locator('#ui')).toHaveAttribute('data-state', 'response@0');

  await expect(guide(page)).toBeVisible();
  expect(await step(page)).toBe('First-game guide · 1 of 8 | Your move: answer');
  // The marks the guide names are the ones the table shows.
  await press(page, 'ArrowRight', 'ArrowRight');
  expect(await step(page)).toContain('Marks on the rungs');
  const badges = (await page.locator('.badge').allTextContents()).join(' ');
  for (const symbol of ['●', '▲', '◆', '⊘', '✕']) expect(badges, `the table shows ${symbol}`).toContain(symbol);
  // The game's shortcuts do not fire behind the guide.
  await press(page, 'w', 'r', 'a', 'c', 's');
  await expect(page.locator('#ui')).toHaveAttribute('data-state', 'response@0');
  await expect(page.locator('.confirm')).toHaveCount(0);
  expect(await step(page)).toContain('3 of 8');
  // Esc skips, and focus goes back to the table.
  await press(page, 'Escape');
  await expect(guide(page)).toHaveCount(0);
  await expect(page.locator('.guide-ring, .guide-pointer')).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelector('.table-screen')!.contains(document.activeElement))).toBe(true);
  await expect(page.locator('#announcer')).toHaveText('Guide skipped. How to play can show it again.');
  // Now the table's keys are the table's again.
  await press(page, 'w');
  await expect(page.locator('.confirm')).toBeVisible();
  await press(page, 'Escape');

  // Never again: not after a reload, not in the next game.
  await page.reload();
  await waitForScreen(page, 'table');
  await page.waitForTimeout(300);
  await expect(guide(page)).toHaveCount(0);
  await quit(page);
  await startAgainstPragmatist(page, 12);
  await page.waitForTimeout(300);
  await expect(guide(page)).toHaveCount(0);
  await press(page, 'Enter');
  await waitForScreen(page, 'table');
  await page.waitForTimeout(300);
  await expect(guide(page)).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('by mouse: Next, Back, the glossary and back to the same step, Skip the guide; How to play shows it again', async ({
  page,
  consoleErrors,
}) => {
  await startAgainstPragmatist(page, 13);
  await page.getByRole('button', { name: /^Next/ }).click();
  expect(await step(page)).toContain('2 of 5 | Red lines');
  await page.getByRole('button', { name: /^Next/ }).click();
  await page.getByRole('button', { name: /^Back/ }).click();
  expect(await step(page)).toContain('2 of 5 | Red lines');
  // The glossary opens at the entry and comes back to the same step.
  await guide(page)
    .getByRole('link', { name: /Red line/ })
    .click();
  await waitForScreen(page, 'glossary');
  await expect(page.locator('#glossary-red-line')).toBeVisible();
  await press(page, 'Escape');
  await waitForScreen(page, 'briefing');
  await expect(guide(page)).toBeVisible();
  expect(await step(page)).toContain('2 of 5 | Red lines');
  await page.getByRole('button', { name: /^Skip the guide/ }).click();
  await expect(guide(page)).toHaveCount(0);
  // Skipped on the briefing: the table has no guide either.
  await page.getByRole('button', { name: /^Go to the table/ }).click();
  await waitForScreen(page, 'table');
  await page.waitForTimeout(300);
  await expect(guide(page)).toHaveCount(0);

  // How to play brings it back, for the first round of the next game.
  await quit(page);
  await page.getByRole('button', { name: /^How to play/ }).click();
  await waitForScreen(page, 'how-to-play');
  await expect(page.locator('.guide-again .note')).toHaveText('');
  await page.getByRole('button', { name: 'Show the guide again' }).click();
  await expect(page.locator('.guide-again .note')).toHaveText('The guide will show in the first round of your next game.');
  await snap(page, 'guide-how-to-play-again');
  await startAgainstPragmatist(page, 14);
  await expect(guide(page)).toBeVisible();
  expect(await step(page)).toContain('1 of 5 | The briefing');
  expect(consoleErrors).toEqual([]);
});

test('hot-seat: the tour for the first player at the table, only the answer’s controls for the second', async ({ page, consoleErrors }) => {
  await openSetup(page);
  await begin(page, HOTSEAT, 5);
  await expect(guide(page)).toBeVisible();
  expect(await step(page)).toContain('1 of 5 | The briefing');
  // Going to the table with the briefing's guide open ends that part: the table's follows.
  await page.getByRole('button', { name: /^Go to the table/ }).click();
  await waitForScreen(page, 'hand-over');
  await expect(guide(page)).toHaveCount(0);
  await press(page, 'Enter');
  await waitForScreen(page, 'table');
  await expect(page.locator('.banner strong')).toHaveText('Russia to propose');
  expect(await step(page)).toBe('First-game guide · 1 of 8 | Your move: propose');
  // The marks named while proposing are on the table too.
  await press(page, 'ArrowRight', 'ArrowRight');
  expect(await step(page)).toContain('3 of 8 | Marks on the rungs');
  const badges = (await page.locator('.rung').allTextContents()).join(' ');
  for (const mark of ['✓ your choice', '●', '▲', '⊘', '✕']) expect(badges, `the table shows ${mark}`).toContain(mark);
  await press(page, 'ArrowLeft', 'ArrowLeft');
  expect(await walkThrough(page, 'guide-hotseat-propose')).toBe(8);
  await press(page, 'Enter');
  await waitForScreen(page, 'hand-over');
  await press(page, 'Enter');
  await waitForScreen(page, 'table');
  await expect(page.locator('.banner strong')).toHaveText('US/NATO to answer');
  expect(await step(page)).toBe('First-game guide · 1 of 2 | Your move: answer');
  expect(await walkThrough(page, 'guide-hotseat-answer')).toBe(2);
  expect(consoleErrors).toEqual([]);
});

test('not in a game resumed past round 1, nor in the replay viewer', async ({ page, consoleErrors }) => {
  await startAgainstPragmatist(page, 15);
  await press(page, 'Escape');
  await expect(guide(page)).toHaveCount(0);
  await press(page, 'Enter');
  await waitForScreen(page, 'table');
  await press(page, 'r');
  await waitForScreen(page, 'round-result');
  await press(page, 'Enter');
  await expect(page.locator('#ui')).toHaveAttribute('data-state', /@1$/);
  // As if the guide had been asked for again: a game resumed in round 2 still does not show it.
  await page.evaluate(() => localStorage.removeItem('red-lines:guide'));
  await page.reload();
  await expect(page.locator('#ui')).toHaveAttribute('data-state', /@1$/);
  await page.waitForTimeout(300);
  await expect(guide(page)).toHaveCount(0);
  // The replay viewer goes through round 1 without it.
  await quit(page);
  await press(page, 'g');
  await waitForScreen(page, 'library');
  await page
    .getByRole('button', { name: /^Replay / })
    .first()
    .click();
  await waitForScreen(page, 'replay');
  await press(page, 'Home', 'ArrowRight', 'ArrowRight');
  await page.waitForTimeout(300);
  await expect(guide(page)).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

for (const size of [
  { width: 1280, height: 720, textSize: 100, highContrast: false },
  { width: 1024, height: 768, textSize: 150, highContrast: false },
  { width: 1280, height: 720, textSize: 150, highContrast: true },
]) {
  const name = `${size.width}x${size.height}-${size.textSize}${size.highContrast ? '-contrast' : ''}`;
  test(`every step at ${name}: inside the window, beside its control, focus visible, axe clean`, async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await settings(page, size);
    await startAgainstPragmatist(page, 11);
    expect(await walkThrough(page, `guide-${name}-briefing`, { axe: true, shots: true })).toBe(5);
    await press(page, 'Enter');
    await waitForScreen(page, 'table');
    await expect(guide(page)).toBeVisible();
    expect(await walkThrough(page, `guide-${name}-table`, { axe: true, shots: true })).toBe(8);
    expect(consoleErrors).toEqual([]);
  });
}

test('the mark follows its control when the window changes, and respects reduced motion', async ({ page, consoleErrors }) => {
  await settings(page, { reducedMotion: false });
  await startAgainstPragmatist(page, 11);
  await expect(guide(page)).toBeVisible();
  expect(await guide(page).evaluate((element) => getComputedStyle(element).animationName)).toBe('guide-in');
  await press(page, 'ArrowRight', 'ArrowRight', 'ArrowRight');
  await page.waitForTimeout(400);
  await checkPlacement(page);
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
    { width: 900, height: 600 },
  ]) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(400);
    await checkPlacement(page);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  // Larger text and reduced motion, set on the settings screen in the middle of the guide: it comes back on its step.
  await page.getByRole('button', { name: 'Settings' }).click();
  await waitForScreen(page, 'settings');
  await page.getByLabel('Reduce motion (no animated gauge, map or transitions)').check();
  await page.getByLabel('150%').check();
  await page.getByRole('button', { name: /^Done/ }).click();
  await waitForScreen(page, 'briefing');
  expect(await step(page)).toContain('4 of 5');
  await page.waitForTimeout(400);
  await checkPlacement(page);
  expect(
    await guide(page).evaluate((element) => [getComputedStyle(element).animationName, getComputedStyle(element).transitionDuration]),
  ).toEqual(['none', '0s']);
  expect(consoleErrors).toEqual([]);
});
