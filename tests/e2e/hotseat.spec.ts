/** A hot-seat round: both sides take their turns at one screen. */
import type { Page } from '@playwright/test';
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';
import { begin, HOTSEAT, openSetup, playScenarioFile, privateRedLinesGeneva } from './play-helpers.ts';

/**
 * The hand-over screen before a side's turn: it names the side, asks the other to look away, shows
 * nothing of the table, and gives the table to the side that takes the seat (by Enter or a click).
 */
async function handOverTo(page: Page, side: string, lookAway: string, by: 'keyboard' | 'mouse'): Promise<void> {
  await waitForScreen(page, 'hand-over');
  await expect(page.locator('.hand-over h2')).toContainText(side);
  await expect(page.locator('.hand-over p')).toContainText(lookAway);
  await expect(page.locator('.tracks, fieldset.track, .stance')).toHaveCount(0);
  const take = page.getByRole('button', { name: `I play ${side} — show the table` });
  await expect(take).toBeFocused();
  if (by === 'keyboard') await press(page, 'Enter');
  else await take.click();
  await waitForScreen(page, 'table');
}

test('a hot-seat round: propose, counter, accept part of the counter', async ({ page, consoleErrors }) => {
  await openSetup(page);
  await page.getByText(HOTSEAT).click();
  // The players' names, when given, tell them apart on the hand-over screen.
  await page.getByLabel('Your name (optional)').fill('Carol');
  await page.getByLabel(/^Second player’s name/).fill('Dan');
  await begin(page, HOTSEAT, 5);
  // Both sides are briefed before the first round of a hot-seat game.
  await expect(page.locator('.side-brief')).toHaveCount(2);
  await snap(page, 'hotseat-briefing');
  await press(page, 'Enter');

  // Round 1 in Geneva: Russia tables the package, once the screen has been handed to its player.
  await expect(page.locator('.hand-over h2')).toHaveText('Pass the screen to Dan (Russia)');
  await handOverTo(page, 'Russia', 'Carol (US/NATO): please look away until Russia has tabled its package.', 'keyboard');
  await waitForScreen(page, 'table');
  await expect(page.locator('.banner strong')).toHaveText('Russia to propose');
  await expect(page.locator('#ui')).toHaveAttribute('data-acting', 'ru');
  await page.locator('fieldset.track').nth(2).locator('.rung').nth(3).click();
  await snap(page, 'hotseat-russia-proposes');
  await page.getByRole('button', { name: 'Table the package' }).click();

  // The United States answers on the same screen with a counter-proposal, after the hand-over.
  await handOverTo(page, 'US/NATO', 'Dan (Russia): please look away until US/NATO has answered.', 'mouse');
  await expect(page.locator('.banner strong')).toHaveText('US/NATO to answer');
  await expect(page.locator('#ui')).toHaveAttribute('data-acting', 'us');
  await page.getByRole('button', { name: 'Counter…' }).click();
  await page.locator('fieldset.track').nth(2).locator('.rung').nth(3).click();
  await snap(page, 'hotseat-us-counters');
  await page.getByRole('button', { name: 'Send the counter-proposal' }).click();

  // Russia replies: accepts the exercises track of the counter-proposal.
  await handOverTo(page, 'Russia', 'Carol (US/NATO): please look away until Russia has replied to the counter-proposal.', 'keyboard');
  await expect(page.locator('.banner strong')).toHaveText('Russia to reply');
  await page.getByRole('button', { name: 'Accept some…' }).click();
  const ticks = page.locator('.tick input');
  for (let i = 0; i < (await ticks.count()); i++) {
    const label = await page.locator('.tick label').nth(i).textContent();
    if (!label?.startsWith('Accept Military exercises') && (await ticks.nth(i).isChecked())) await ticks.nth(i).uncheck();
  }
  await snap(page, 'hotseat-russia-replies');
  await page.getByRole('button', { name: 'Accept the ticked tracks' }).click();

  await waitForScreen(page, 'round-result');
  await expect(page.locator('.agreements')).toContainText('Military exercises');
  await expect(page.locator('.risk-changes')).toContainText('Agreement on Military exercises');
  await snap(page, 'hotseat-result');
  expect(consoleErrors).toEqual([]);
});

test('a reload in hot-seat asks for the hand-over again before showing the table', async ({ page }) => {
  await openSetup(page);
  await begin(page, HOTSEAT);
  await press(page, 'Enter');
  await handOverTo(page, 'Russia', 'US/NATO: please look away', 'keyboard');
  // A visit to the glossary comes back to the same table without a second hand-over.
  await page.getByRole('button', { name: 'Glossary' }).click();
  await waitForScreen(page, 'glossary');
  await page.getByRole('button', { name: /^Back/ }).click();
  await waitForScreen(page, 'table');
  await page.reload();
  await expect(page.locator('#ui')).toHaveAttribute('data-screen', 'hand-over', { timeout: 20_000 });
  await handOverTo(page, 'Russia', 'US/NATO: please look away', 'mouse');
});

test('the incident screen tells the incident, not the round again; the live region says what happened', async ({ page }) => {
  await openSetup(page);
  // Seed 4: Russia's opening package, with troops massed, rejected in round 1 sets off an incident (found by playing the engine).
  await begin(page, HOTSEAT, 4);
  // The briefing is narrated with what happened outside the room, not only the events' titles.
  await expect(page.locator('#announcer')).toContainText('Outside the room: Russia publishes its draft treaties: ');
  await press(page, 'Enter');
  await handOverTo(page, 'Russia', 'US/NATO: please look away', 'keyboard');
  await page.getByRole('radio', { name: /Mass troops/ }).check();
  await page.getByRole('button', { name: 'Table the package' }).click();
  await handOverTo(page, 'US/NATO', 'Russia: please look away', 'keyboard');
  await page.getByRole('button', { name: 'Reject' }).click();
  await waitForScreen(page, 'round-result');
  await expect(page.locator('.result-text h2', { hasText: 'Standing and leverage' })).toHaveCount(1);
  await expect(page.locator('#announcer')).toContainText('Standing and leverage: ');
  await press(page, 'Enter');
  await expect(page.locator('#ui')).toHaveAttribute('data-state', 'incident@0');
  await expect(page.locator('.incident h2')).toBeVisible();
  await expect(page.locator('.result-text h2', { hasText: 'Standing and leverage' })).toHaveCount(0);
  await expect(page.locator('.result-text h2', { hasText: 'Statements' })).toHaveCount(0);
  await expect(page.locator('#announcer')).not.toContainText('Standing and leverage');
  await snap(page, 'hotseat-incident');
});

for (const mode of ['hot-seat', 'against the AI'] as const) {
  test(`private red lines: the first briefing ${mode} shows only the red lines its reader may see`, async ({ page }) => {
    await openMenu(page);
    await press(page, 'p');
    await waitForScreen(page, 'picker');
    await playScenarioFile(page, privateRedLinesGeneva());
    await begin(page, mode === 'hot-seat' ? HOTSEAT : 'Russia, The Pragmatist');
    const section = page.locator('.red-lines');
    if (mode === 'hot-seat') {
      await expect(section).toContainText('each side’s red lines are private');
      await expect(section.locator('table')).toHaveCount(0);
    } else {
      await expect(section).toContainText('the other side’s red lines are private');
      await expect(section.locator('thead th')).toHaveText(['Track', '⊘ US/NATO will not accept']);
    }
  });
}
