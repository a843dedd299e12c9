/** The briefing: its terms of art lead to the glossary and back. */
import { expect, press, test, waitForScreen } from './fixtures.ts';
import { startAgainstPragmatist } from './play-helpers.ts';

test('a term in the briefing opens its glossary entry, and Back returns to the briefing', async ({ page, consoleErrors }) => {
  await startAgainstPragmatist(page, 3);
  const links = page.locator('.briefing-text a.term-link');
  expect(await links.count()).toBeGreaterThan(2);
  // Each term is linked once per block: no paragraph links the same entry twice.
  for (const block of await page.locator('.briefing-text p, .briefing-text ul').all()) {
    const terms = await block.locator('a.term-link').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('data-term')));
    expect(new Set(terms).size).toBe(terms.length);
  }
  const first = links.first();
  const term = await first.getAttribute('data-term');
  await first.click();
  await waitForScreen(page, 'glossary');
  await expect(page.locator(`#glossary-${term}`)).toBeVisible();
  await page.getByRole('button', { name: /^Back/ }).click();
  await waitForScreen(page, 'briefing');
  await expect(page.locator('.briefing-text a.term-link').first()).toHaveAttribute('data-term', term!);
  await press(page, 'Enter');
  await expect.poll(async () => page.locator('#ui').getAttribute('data-screen')).toBe('table');
  expect(consoleErrors).toEqual([]);
});
