/** A whole game by mouse alone, from the menu to the debrief, ending with the session download. */
import { expect, openMenu, snap, test, waitForScreen } from './fixtures.ts';
import { finishOnDebrief, playToDebrief } from './play-helpers.ts';

test('a whole game by mouse', async ({ page, consoleErrors }) => {
  await openMenu(page);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await waitForScreen(page, 'picker');
  await page.getByRole('button', { name: /^Play “Geneva 2022 — the January talks/ }).click();
  await waitForScreen(page, 'setup');
  await page.getByText('Russia, The Pragmatist').click();
  await snap(page, 'mouse-setup');
  await page.getByRole('button', { name: 'Begin' }).click();
  await waitForScreen(page, 'briefing');

  await playToDebrief(
    page,
    'mouse',
    async (stage, round) => {
      const tracks = page.locator('fieldset.track:not(.agreed)');
      if (stage === 'propose') {
        // Offer the second rung on the first open track, with a reassurance move and a conciliatory tone.
        await tracks.first().locator('.rung').nth(Math.min(round, 2)).click();
        await page.locator('.posture label').nth(1).click();
        await page.locator('.tone label').first().click();
        await page.getByRole('button', { name: 'Table the package' }).click();
      } else if (stage === 'answer') {
        await page.getByRole('button', { name: 'Counter…' }).click();
        await tracks.last().locator('.rung').nth(2).click();
        await page.getByRole('button', { name: 'Send the counter-proposal' }).click();
      } else {
        const some = page.getByRole('button', { name: 'Accept some…' });
        if (await some.isEnabled()) {
          await some.click();
          await page.getByRole('button', { name: 'Accept the ticked tracks' }).click();
        } else await page.getByRole('button', { name: 'Reject' }).click();
      }
    },
    async () => {
      await page.locator('.actions button.primary').last().click();
    },
  );
  await finishOnDebrief(page, 'mouse');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the session file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^red-lines-geneva-2022-\d{4}-\d{2}-\d{2}\.json$/);
  await page.getByRole('button', { name: 'Main menu' }).click();
  await waitForScreen(page, 'title');
  expect(consoleErrors).toEqual([]);
});
