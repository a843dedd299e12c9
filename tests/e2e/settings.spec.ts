/** Settings persist across visits and apply at once; reduced motion follows the system; no sound before a gesture. */
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
