/**
 * The debrief of a game played to the end: on paper (print media, with and without the
 * beforeprint event, and in the PDF Chromium makes) every round and every folded section is
 * there; heading levels never skip; the glossary's terms are links wherever the texts use them,
 * each once per block, and the printed page lists every entry they lead to; the actions bar
 * covers the foot of the text and focus stops clear of it at 150% text.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, press, snap, test, waitForScreen } from './fixtures.ts';
import { letters, pdfText } from './pdf-text.ts';
import { playToDebrief, startAgainstPragmatist } from './play-helpers.ts';
import { barProblems, focusUnderBar, LARGE_TEXT } from './frame-checks.ts';

/** A whole game against the AI: the player proposes and rejects whatever comes back, so the rounds run out. */
async function playAllRounds(page: Page): Promise<void> {
  await startAgainstPragmatist(page, 5);
  await playToDebrief(
    page,
    'debrief-game',
    async (stage) => press(page, stage === 'propose' ? 'Enter' : 'r'),
    async () => press(page, 'Enter'),
  );
  await waitForScreen(page, 'debrief');
}

/** axe's rules for heading levels and in-page links, on the DOM layer. */
async function headingAndLinkViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#ui').withRules(['heading-order', 'skip-link']).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

test('the printed debrief shows every round and every folded section, with or without beforeprint, and in the PDF', async ({
  page,
  consoleErrors,
}) => {
  await playAllRounds(page);
  const rounds = page.locator('.decisions > details');
  expect(await rounds.count()).toBeGreaterThanOrEqual(4);
  // On screen the earlier rounds and the numbers are folded away.
  const folded = await page.locator('details:not([open])').count();
  expect(folded).toBeGreaterThanOrEqual(3);
  const firstReason = rounds.first().locator('.ai-reasons li').first();
  await expect(firstReason).toBeHidden();
  const reasons = await rounds.evaluateAll((items) =>
    items.map((item) => item.querySelector('.ai-reasons li')?.textContent ?? item.querySelector('.narration')!.textContent!),
  );
  expect.soft(await headingAndLinkViolations(page)).toEqual([]);

  // Print media alone, as a PDF made without the print dialog: no beforeprint event comes.
  await page.emulateMedia({ media: 'print' });
  for (const round of await rounds.all()) {
    await expect(round.locator('.narration')).toBeVisible();
    for (const reason of await round.locator('.ai-reasons li').all()) await expect(reason).toBeVisible();
  }
  for (const numbers of await page.locator('.numbers dl').all()) await expect(numbers).toBeVisible();
  expect.soft(await headingAndLinkViolations(page)).toEqual([]);
  const printed = letters(pdfText(await page.pdf({ format: 'A4' })));
  for (const reason of reasons) expect(printed).toContain(letters(reason));
  expect(printed).toContain(letters('Terms used in this debrief'));

  // The print dialog: every section opens for the page, and those it opened close after.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('details:not([open])')).toHaveCount(0);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('details:not([open])')).toHaveCount(folded);
  await expect(firstReason).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

test('the debrief links the glossary’s terms where its texts use them, and prints every entry it links to', async ({
  page,
  consoleErrors,
}) => {
  await playAllRounds(page);
  const links = page.locator('article.debrief a.term-link');
  // Terms in the AI's reasons, the persona, the scores in words, the history and the questions.
  await expect(page.locator('.ai-reasons li a.term-link').first()).toBeAttached();
  await expect(page.locator('.score-side a.term-link').first()).toBeAttached();
  for (const link of await links.all()) {
    const term = (await link.getAttribute('data-term'))!;
    await expect(link).toHaveAttribute('href', `./#glossary-${term}`);
  }
  // Once per block: a decision's reasons and its list of entries never link an entry twice.
  for (const block of await page.locator('.ai-reasons').all()) {
    const terms = await block.locator('a.term-link').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.term));
    expect(new Set(terms).size).toBe(terms.length);
  }

  // A term linked inside a reason opens the glossary at its entry, and Back returns to the debrief.
  const inline = page.locator('.decisions > details[open] .ai-reasons li a.term-link').first();
  const term = (await inline.getAttribute('data-term'))!;
  await inline.scrollIntoViewIfNeeded();
  await inline.click();
  await waitForScreen(page, 'glossary');
  await expect(page.locator(`[id="glossary-${term}"]`)).toBeFocused();
  await press(page, 'Escape');
  await waitForScreen(page, 'debrief');
  await expect(page.locator(`.decisions > details[open] .ai-reasons li a.term-link[data-term="${term}"]`).first()).toBeFocused();

  // On paper the links cannot be followed: every entry they lead to is defined at the end.
  const linked = new Set(await links.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.term!)));
  const defined = await page.locator('.debrief-glossary dt').allTextContents();
  expect(defined).toHaveLength(linked.size);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.debrief-glossary')).toBeVisible();
  await snap(page, 'debrief-print');
  await page.emulateMedia({ media: 'screen' });
  expect(consoleErrors).toEqual([]);
});

test('the debrief at 1024×768 with 150% text: its actions bar covers the foot of the text, and focus stops clear of it', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript((settings) => localStorage.setItem('red-lines:settings', settings), LARGE_TEXT);
  await page.setViewportSize({ width: 1024, height: 768 });
  await playAllRounds(page);
  expect(await barProblems(page, 'article.debrief')).toEqual([]);
  await page.locator('article.debrief').evaluate((element) => (element.scrollTop = 0));
  await page.locator('.game-header h1').focus();
  expect(await focusUnderBar(page, 'article.debrief', 200)).toEqual([]);
  await snap(page, 'debrief-150');
  expect(consoleErrors).toEqual([]);
});
