/** A hot-seat round: both sides take their turns at one screen. */
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';

test('a hot-seat round: propose, counter, accept part of the counter', async ({ page, consoleErrors }) => {
  await openMenu(page);
  await press(page, 'p');
  await waitForScreen(page, 'picker');
  await press(page, '1');
  await waitForScreen(page, 'setup');
  await page.getByText('Two players, one screen (hot-seat)').click();
  await page.getByLabel(/^Seed/).fill('5');
  await page.getByRole('button', { name: 'Begin' }).click();
  await waitForScreen(page, 'briefing');
  // Both sides are briefed before the first round of a hot-seat game.
  await expect(page.locator('.side-brief')).toHaveCount(2);
  await snap(page, 'hotseat-briefing');
  await press(page, 'Enter');

  // Round 1 in Geneva: Russia tables the package.
  await waitForScreen(page, 'table');
  await expect(page.locator('.banner strong')).toHaveText('Russia to propose');
  await expect(page.locator('#ui')).toHaveAttribute('data-acting', 'ru');
  await page.locator('fieldset.track').nth(2).locator('.rung').nth(3).click();
  await snap(page, 'hotseat-russia-proposes');
  await page.getByRole('button', { name: 'Table the package' }).click();

  // The United States answers on the same screen with a counter-proposal.
  await expect(page.locator('.banner strong')).toHaveText('US/NATO to answer');
  await expect(page.locator('#ui')).toHaveAttribute('data-acting', 'us');
  await page.getByRole('button', { name: 'Counter…' }).click();
  await page.locator('fieldset.track').nth(2).locator('.rung').nth(3).click();
  await snap(page, 'hotseat-us-counters');
  await page.getByRole('button', { name: 'Send the counter-proposal' }).click();

  // Russia replies: accepts the exercises track of the counter-proposal.
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
