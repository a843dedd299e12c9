/**
 * The frame every screen shares: a scroll container's sticky actions bar is opaque and covers the
 * container's foot to its edges, so nothing scrolls through below or beside it; and a control
 * that takes focus (by Tab or by the screen) stops clear of the bar. Checked where it is hardest:
 * at 1024×768 with 150% text, on the picker and How to play (the debrief in debrief.spec.ts); and the
 * menu and settings show all their controls at 150% text.
 */
import { expect, openMenu, press, test, waitForScreen } from './fixtures.ts';
import { barProblems, focusUnderBar, LARGE_TEXT } from './frame-checks.ts';

test('sticky bars on the picker and How to play: opaque to the edges, and focus stops clear of them (1024×768, 150% text)', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript((settings) => localStorage.setItem('red-lines:settings', settings), LARGE_TEXT);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openMenu(page);

  await press(page, 'h');
  await waitForScreen(page, 'how-to-play');
  expect.soft(await barProblems(page, '.how-to-play')).toEqual([]);
  await page.locator('.how-to-play').evaluate((element) => (element.scrollTop = 0));
  expect.soft(await focusUnderBar(page, '.how-to-play')).toEqual([]);
  await press(page, 'Escape');
  await waitForScreen(page, 'title');

  await press(page, 'p');
  await waitForScreen(page, 'picker');
  expect.soft(await barProblems(page, '.picker')).toEqual([]);
  await page.locator('.picker').evaluate((element) => (element.scrollTop = 0));
  expect.soft(await focusUnderBar(page, '.picker')).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

for (const [width, height] of [
  [1024, 768],
  [1280, 720],
] as const) {
  test(`the menu and settings show every control at ${width}×${height} with 150% text`, async ({ page, consoleErrors }) => {
    await page.addInitScript((settings) => localStorage.setItem('red-lines:settings', settings), LARGE_TEXT);
    await page.setViewportSize({ width, height });
    await openMenu(page);
    // The whole menu in the window, without scrolling its panel.
    for (const item of await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button').all()) {
      await expect(item).toBeInViewport({ ratio: 1 });
    }
    expect(await page.locator('.title-screen').evaluate((panel) => panel.scrollHeight <= panel.clientHeight)).toBe(true);

    await press(page, 's');
    await waitForScreen(page, 'settings');
    // However long the settings grow, Done stays in reach in the sticky bar.
    await expect(page.getByRole('button', { name: 'Done' })).toBeInViewport({ ratio: 1 });
    // Where the settings are taller than the window (at 1280×720), the bar covers what scrolls under it.
    const settings = page.locator('.settings-screen');
    if (await settings.evaluate((panel) => panel.scrollHeight > panel.clientHeight))
      expect(await barProblems(page, '.settings-screen')).toEqual([]);
    else expect(width).toBe(1024);
    await page.locator('.settings-screen').evaluate((element) => (element.scrollTop = 0));
    expect(await focusUnderBar(page, '.settings-screen')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}
