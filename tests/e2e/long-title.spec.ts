/**
 * A scenario with the longest title the format allows (120 characters): its game is saved after
 * every event, listed in the saved games under a name shortened with an ellipsis, and a reload
 * brings it back. (The generated name used to pass the 120-character cap, so the autosave was
 * refused and the reload said the game "could not be restored".)
 */
import { readFileSync } from 'node:fs';
import { expect, openMenu, press, test, waitForScreen } from './fixtures.ts';

const TITLE = `The ${'very '.repeat(21)}long crisis`.padEnd(120, '!');

test('a game on a scenario with a 120-character title is saved and restored', async ({ page, consoleErrors }) => {
  expect(TITLE).toHaveLength(120);
  const doc = JSON.parse(readFileSync(new URL('../../scenarios/geneva-2022.json', import.meta.url), 'utf8')) as {
    meta: { id: string; title: string };
  };
  doc.meta.id = 'long-title';
  doc.meta.title = TITLE;
  await openMenu(page);
  await press(page, 'p');
  await waitForScreen(page, 'picker');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.getByRole('button', { name: `Play “${TITLE}”` }).click();
  await waitForScreen(page, 'setup');
  await page.getByRole('button', { name: 'Begin' }).click();
  await waitForScreen(page, 'briefing');

  await page.reload();
  await waitForScreen(page, 'briefing');
  await expect(page.locator('body')).not.toContainText('could not be restored');

  await page.getByRole('button', { name: 'Quit…' }).click();
  await page.getByRole('button', { name: 'Leave' }).click();
  await waitForScreen(page, 'title');
  await press(page, 'g');
  await waitForScreen(page, 'library');
  const name = page.locator('.library-table tbody tr th').first();
  await expect(name).toHaveText(/^The very very .+… — US\/NATO, .+$/);
  expect((await name.textContent())!.length).toBeLessThanOrEqual(120);
  expect(consoleErrors).toEqual([]);
});
