/** A whole game by keyboard alone, from the menu to the debrief. */
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';
import { finishOnDebrief, playToDebrief } from './play-helpers.ts';

test('a whole game by keyboard alone', async ({ page, consoleErrors }) => {
  await openMenu(page);
  await snap(page, 'keyboard-title');
  await press(page, 'p');
  await waitForScreen(page, 'picker');
  await snap(page, 'keyboard-picker');
  await press(page, '1');
  await waitForScreen(page, 'setup');
  // Side: keep the first. Opponent: the first named persona. Seed: 11. Then Begin.
  await press(page, 'Tab', 'Tab', 'ArrowDown', 'Tab');
  await page.keyboard.type('11', { delay: 50 });
  await snap(page, 'keyboard-setup');
  await press(page, 'Tab', 'Enter');
  await waitForScreen(page, 'briefing');
  await expect(page.locator('#announcer')).toContainText('Round 1');

  const screens = await playToDebrief(
    page,
    'keyboard',
    async (stage, round) => {
      if (stage === 'propose') {
        // Focus sits on the first open track's current demand: give one step on it from round 2.
        if (round >= 2) await press(page, 'ArrowRight');
        await press(page, 'Enter');
      } else if (stage === 'answer') {
        const someAllowed = await page.getByRole('button', { name: 'Accept some…' }).isEnabled();
        if (someAllowed && round >= 3) await press(page, 's', 'Enter');
        else if (round === 1) await press(page, 'c', 'Enter');
        else await press(page, 'r');
      } else await press(page, 'r');
    },
    async () => press(page, 'Enter'),
  );
  expect(screens).toEqual(expect.arrayContaining(['briefing', 'table', 'round-result']));
  await finishOnDebrief(page, 'keyboard');
  // The counterpart is an AI here, so its persona is revealed with its reasons.
  await expect(page.locator('.persona h2')).toContainText('Your counterpart was');
  await expect(page.locator('.ai-reasons li').first()).toBeAttached();
  // Each decision keeps its raw numbers in a closed section; the scores are explained in words.
  await expect(page.locator('.ai-reasons details.numbers').first()).not.toHaveAttribute('open', '');
  await expect(page.locator('.score-words')).toContainText('Your game:');
  await expect(page.locator('.score-words').getByRole('link', { name: /expected value/i })).toBeVisible();
  await press(page, 'm');
  await waitForScreen(page, 'title');
  expect(consoleErrors).toEqual([]);
});
