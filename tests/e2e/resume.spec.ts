/**
 * Autosave and resume: reloading the page at any point of a game brings back the same state on
 * the same screen, with IndexedDB or, where it is missing, local storage; a saved game that no
 * longer checks out is set aside with a message.
 */
import type { Page } from '@playwright/test';
import { expect, press, snap, test, waitForScreen } from './fixtures.ts';
import { startAgainstPragmatist } from './play-helpers.ts';

async function where(page: Page): Promise<{ screen: string | null; state: string | null; heading: string | null; risk: string | null }> {
  const ui = page.locator('#ui');
  return {
    screen: await ui.getAttribute('data-screen'),
    state: await ui.getAttribute('data-state'),
    heading: await page.locator('.game-header h1').textContent(),
    risk: (await page.locator('.risk-value').count()) > 0 ? await page.locator('.risk-value').textContent() : null,
  };
}

async function reloadAndCompare(page: Page, name: string): Promise<void> {
  const before = await where(page);
  await page.reload();
  await waitForScreen(page, before.screen!);
  await expect(page.locator('#ui')).toHaveAttribute('data-state', before.state!);
  expect(await where(page)).toEqual(before);
  await snap(page, `resume-${name}`);
}

const startGame = (page: Page) => startAgainstPragmatist(page, 21);

for (const storage of ['IndexedDB', 'local storage'] as const) {
  test(`a reload at any point resumes the game where it was (${storage})`, async ({ page, consoleErrors }) => {
    if (storage === 'local storage') await page.addInitScript(() => Reflect.deleteProperty(window, 'indexedDB'));
    await startGame(page);
    await reloadAndCompare(page, `${storage}-briefing`);
    await press(page, 'Enter');
    await waitForScreen(page, 'table');
    await reloadAndCompare(page, `${storage}-table-answer`);
    await press(page, 'c', 'Enter');
    await waitForScreen(page, 'round-result');
    await reloadAndCompare(page, `${storage}-round-result`);
    // On to the end, then a reload on the debrief.
    for (let step = 0; step < 40 && (await page.locator('#ui').getAttribute('data-screen')) !== 'debrief'; step++) {
      const before = `${await page.locator('#ui').getAttribute('data-state')}|${await page.locator('.banner').count()}`;
      const screen = await page.locator('#ui').getAttribute('data-screen');
      if (screen === 'table') await press(page, (await page.locator('.banner strong').textContent())?.includes('propose') ? 'Enter' : 'r');
      else await press(page, 'Enter');
      await expect
        .poll(async () => `${await page.locator('#ui').getAttribute('data-state')}|${await page.locator('.banner').count()}`)
        .not.toBe(before);
    }
    await waitForScreen(page, 'debrief');
    await reloadAndCompare(page, `${storage}-debrief`);
    // Leaving the game clears it: the next visit opens the menu.
    await press(page, 'm');
    await waitForScreen(page, 'title');
    await page.reload();
    await expect(page.locator('#ui')).toHaveAttribute('data-ready', 'menu');
    expect(consoleErrors).toEqual([]);
  });
}

test('a saved game that no longer checks out is set aside with a message', async ({ page, consoleErrors }) => {
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'indexedDB');
    localStorage.setItem('red-lines:current-game', JSON.stringify({ format: 'red-lines-session', formatVersion: 1, events: 'not a list' }));
  });
  await page.goto('./');
  await expect(page.locator('#ui')).toHaveAttribute('data-ready', 'menu', { timeout: 20_000 });
  await expect(page.locator('#toast')).toContainText('could not be restored');
  await snap(page, 'resume-set-aside');
  expect(await page.evaluate(() => localStorage.getItem('red-lines:current-game'))).toBeNull();
  expect(consoleErrors).toEqual([]);
});

test('a full storage quota gives a message, the game goes on, and what was saved stays', async ({ page, consoleErrors }) => {
  // Local storage only, and it fills up after the game's first saves.
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'indexedDB');
    const setItem = Storage.prototype.setItem;
    let writes = 0;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (key.startsWith('red-lines:session:') && ++writes > 1) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  await startGame(page);
  const saved = await page.evaluate(() =>
    localStorage.getItem(Object.keys(localStorage).find((key) => key.startsWith('red-lines:session:'))!),
  );
  expect(saved).not.toBeNull();
  await press(page, 'Enter');
  await waitForScreen(page, 'table');
  await press(page, 'r');
  await waitForScreen(page, 'round-result');
  await expect(page.locator('#toast')).toContainText('storage is full');
  await press(page, 'Enter');
  await waitForScreen(page, 'briefing');
  // The last save that fitted is still there, untouched.
  const after = await page.evaluate(() =>
    localStorage.getItem(Object.keys(localStorage).find((key) => key.startsWith('red-lines:session:'))!),
  );
  expect(after).toBe(saved);
  await snap(page, 'resume-quota');
  expect(consoleErrors).toEqual([]);
});
