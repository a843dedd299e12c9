/**
 * Settings persist across visits and apply at once; reduced motion follows the system; no sound
 * before a gesture. The text size is a labelled group of choices that grows with the text.
 */
import type { Page } from '@playwright/test';
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';

test('settings persist and apply; nothing makes sound before a gesture', async ({ page, consoleErrors }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMenu(page);
  // Howler creates its AudioContext lazily; none may exist before the player's first gesture.
  expect(await page.evaluate(() => Boolean((window as unknown as { Howler?: { ctx?: unknown } }).Howler?.ctx))).toBe(false);
  await expect(page.locator('html')).toHaveClass(/reduced-motion/);

  await press(page, 's');
  await waitForScreen(page, 'settings');
  expect(await page.evaluate(() => Boolean((window as unknown as { Howler?: { ctx?: unknown } }).Howler?.ctx))).toBe(true);
  await page.getByLabel('Volume').fill('30');
  await page.getByLabel('Mute all sound').check();
  await page.getByLabel('150%').check();
  await page.getByLabel('High contrast').check();
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('150%');
  await snap(page, 'settings-changed');

  await page.reload();
  await expect(page.locator('#ui')).toHaveAttribute('data-ready', 'menu');
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe('150%');
  await press(page, 's');
  await waitForScreen(page, 'settings');
  await expect(page.getByLabel('Volume')).toHaveValue('30');
  await expect(page.getByLabel('Mute all sound')).toBeChecked();
  await expect(page.getByLabel('Reduce motion (no animated gauge, map or transitions)')).toBeChecked();
  await snap(page, 'settings-after-reload');
  await press(page, 'Escape');
  await waitForScreen(page, 'title');
  expect(consoleErrors).toEqual([]);
});

/** Where each text size choice's radio and its words sit. */
async function choiceBoxes(page: Page) {
  return page
    .getByRole('group', { name: 'Text size' })
    .getByRole('radio')
    .evaluateAll((radios) =>
      radios.map((radio) => {
        const label = (radio as HTMLInputElement).labels![0]!;
        const words = document.createRange();
        words.selectNodeContents(label);
        words.setStartAfter(radio);
        const box = (rect: DOMRect) => ({ top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right, height: rect.height });
        return {
          radio: box(radio.getBoundingClientRect()),
          words: box(words.getBoundingClientRect()),
          label: box(label.getBoundingClientRect()),
        };
      }),
    );
}

test('the text size choices: one labelled group, each radio beside its words, all growing with the text', async ({
  page,
  consoleErrors,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openMenu(page);
  await press(page, 's');
  await waitForScreen(page, 'settings');
  const group = page.getByRole('group', { name: 'Text size' });
  await expect(group.getByRole('radio')).toHaveCount(3);
  for (const size of ['100%', '125%', '150%']) await expect(group.getByRole('radio', { name: size })).toBeVisible();

  const before = await choiceBoxes(page);
  // The words themselves choose: the whole label is the target.
  await group.getByText('150%', { exact: true }).click({ position: { x: 2, y: 2 } });
  await expect(group.getByRole('radio', { name: '150%' })).toBeChecked();
  await expect.poll(() => page.evaluate(() => document.documentElement.style.fontSize)).toBe('150%');
  await snap(page, 'settings-text-size-150');
  const after = await choiceBoxes(page);

  for (const choices of [before, after]) {
    for (const { radio, words } of choices) {
      // Beside its words, on their line: not above or below them.
      expect(radio.right).toBeLessThanOrEqual(words.left);
      const middle = (radio.top + radio.bottom) / 2;
      expect(middle).toBeGreaterThan(words.top);
      expect(middle).toBeLessThan(words.bottom);
    }
    // Side by side, never overlapping.
    for (let i = 1; i < choices.length; i++) expect(choices[i]!.label.left).toBeGreaterThanOrEqual(choices[i - 1]!.label.right);
  }
  // The radios grow with the text.
  expect(after[0]!.radio.height).toBeGreaterThanOrEqual(before[0]!.radio.height * 1.4);
  expect(consoleErrors).toEqual([]);
});
