/**
 * The glossary: reached from the menu by keyboard, filtered, left with Esc; opened from a finished
 * game's debrief at the term a link names, and left back to the debrief as it was.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';
import { playToDebrief, position, startAgainstPragmatist } from './play-helpers.ts';

/** The terms the glossary shows, in order. */
async function shownTerms(page: Page): Promise<string[]> {
  return page.locator('.glossary-entry:visible h2').allTextContents();
}

const letters = (term: string) => term.replace(/^[^\p{L}\p{N}]+/u, '');

test('the glossary from the menu by keyboard: alphabetical, filtered, and Back', async ({ page, consoleErrors }) => {
  await openMenu(page);
  // Play has focus; the glossary is the fifth item of the menu.
  await press(page, 'Tab', 'Tab', 'Tab', 'Tab');
  await expect(page.getByRole('button', { name: 'Glossary' })).toBeFocused();
  await press(page, 'Enter');
  await waitForScreen(page, 'glossary');
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();

  const terms = await shownTerms(page);
  expect(terms.length).toBeGreaterThanOrEqual(18);
  expect(terms).toEqual([...terms].sort((a, b) => letters(a).localeCompare(letters(b), 'en', { sensitivity: 'base' })));
  expect(terms).toEqual(
    expect.arrayContaining([
      'Reservation value',
      'Zeuthen’s concession rule',
      'Audience costs',
      'Expected value (how scores are computed)',
    ]),
  );
  // Each entry is a heading, and an anchor a link can point at.
  await expect(page.locator('#glossary-reservation-value h2')).toHaveText('Reservation value');
  await snap(page, 'glossary-menu');

  // F goes to the filter; typing narrows the list and the count says so.
  await press(page, 'f');
  await expect(page.getByLabel('Filter terms')).toBeFocused();
  await page.keyboard.type('zeuthen', { delay: 30 });
  await expect.poll(() => shownTerms(page)).toEqual(['Zeuthen’s concession rule']);
  await expect(page.locator('.glossary-count')).toContainText(`1 of ${terms.length} terms`);
  await page.keyboard.type(' qqq', { delay: 30 });
  await expect(page.locator('.glossary-empty')).toContainText('No term matches');
  await snap(page, 'glossary-filtered');
  // A definition links the other entries it names: following one clears the filter that hid it.
  await page.getByLabel('Filter terms').fill('reservation');
  await expect.poll(() => shownTerms(page)).toContain('Reservation value');
  await expect(page.locator('#glossary-outside-option')).toBeHidden();
  const named = page.locator('#glossary-reservation-value .glossary-definition a.term-link[data-term="outside-option"]');
  await expect(named).toHaveAttribute('href', './#glossary-outside-option');
  await expect(page.locator('#glossary-reservation-value .glossary-definition a[data-term="reservation-value"]')).toHaveCount(0);
  await named.click();
  await expect(page.locator('#glossary-outside-option')).toBeFocused();
  await expect(page.locator('#glossary-outside-option')).toBeInViewport();
  await expect(page.getByLabel('Filter terms')).toHaveValue('');
  await page.getByLabel('Filter terms').fill('zeuthen qqq');
  // Esc in the filter clears it first; the next Esc goes back.
  await press(page, 'Escape');
  await expect(page.getByLabel('Filter terms')).toHaveValue('');
  await expect.poll(async () => (await shownTerms(page)).length).toBe(terms.length);
  await press(page, 'Escape');
  await waitForScreen(page, 'title');

  // From How to play (L), and back to it, then to the menu.
  await press(page, 'h');
  await waitForScreen(page, 'how-to-play');
  await expect(page.locator('.how-to-play')).toContainText('expected value');
  await press(page, 'l');
  await waitForScreen(page, 'glossary');
  await press(page, 'Escape');
  await waitForScreen(page, 'how-to-play');
  await press(page, 'Escape');
  await waitForScreen(page, 'title');
  expect(consoleErrors).toEqual([]);
});

test('from the debrief, a term link opens the glossary at its term, and Back returns to the debrief as it was', async ({
  page,
  consoleErrors,
}) => {
  await startAgainstPragmatist(page, 5);
  await press(page, 'Enter');
  await waitForScreen(page, 'table');
  // The glossary from the table's header comes back to the same point of the game.
  const atTable = await position(page);
  await page.getByRole('button', { name: 'Glossary' }).click();
  await waitForScreen(page, 'glossary');
  await expect(page.locator('.glossary-screen .note')).toContainText('Geneva');
  await press(page, 'Escape');
  await waitForScreen(page, 'table');
  expect(await position(page)).toBe(atTable);

  // Whatever the AI does, the game ends soon: the player walks out when answering.
  await playToDebrief(
    page,
    'glossary-game',
    async (stage) => {
      if (stage === 'answer') {
        await press(page, 'w');
        await page
          .getByRole('alertdialog', { name: 'Walk out?' })
          .getByRole('button', { name: /^Walk out/ })
          .click();
      } else await press(page, stage === 'propose' ? 'Enter' : 'r');
    },
    async () => press(page, 'Enter'),
  );
  await waitForScreen(page, 'debrief');

  // The scores are explained in words, with a link to the expected value.
  const words = page.locator('.score-words');
  await expect(words).toContainText('Your game:');
  await expect(words).toContainText('History:');
  await expect(words).toContainText('Expected value:');
  await expect(words).toContainText('Standing at home');
  const link = words.getByRole('link', { name: /expected value/i }).first();
  await expect(link).toHaveAttribute('href', './#glossary-expected-value');
  // The AI's decisions keep their numbers in a closed section.
  await expect(page.locator('.ai-reasons li').first()).toBeAttached();
  await expect(page.locator('.ai-reasons details.numbers').first()).not.toHaveAttribute('open', '');

  // Leave the debrief scrolled, with a section opened, and focus on the link.
  const article = page.locator('article.debrief');
  await page.locator('.ai-reasons details.numbers summary:visible').first().click();
  await expect(page.locator('details.numbers[open]')).toHaveCount(1);
  await link.scrollIntoViewIfNeeded();
  await link.focus();
  const scrolled = await article.evaluate((element) => element.scrollTop);
  expect(scrolled).toBeGreaterThan(0);
  await snap(page, 'glossary-debrief');
  await press(page, 'Enter');

  await waitForScreen(page, 'glossary');
  const entry = page.locator('#glossary-expected-value');
  await expect(entry).toBeFocused();
  await expect(entry).toBeInViewport();
  await expect(entry).toHaveClass(/target/);
  await snap(page, 'glossary-at-term');
  await press(page, 'Escape');

  await waitForScreen(page, 'debrief');
  await expect(words.getByRole('link', { name: /expected value/i }).first()).toBeFocused();
  await expect.poll(() => article.evaluate((element) => element.scrollTop)).toBe(scrolled);
  await expect(page.locator('details.numbers[open]')).toHaveCount(1);
  await expect(page.locator('details.numbers[open] dl')).toBeVisible();

  // A decision's own term links, when the AI names any, lead to their entries too.
  const decisionLinks = page.locator('.ai-reasons .term-link');
  if ((await decisionLinks.count()) > 0) {
    const first = decisionLinks.first();
    const anchor = (await first.getAttribute('href'))!.replace('./#', '');
    await first.scrollIntoViewIfNeeded();
    await first.click();
    await waitForScreen(page, 'glossary');
    await expect(page.locator(`[id="${anchor}"]`)).toBeFocused();
    await page.getByRole('button', { name: 'Back' }).click();
    await waitForScreen(page, 'debrief');
  }

  // The printed debrief carries the words, the numbers and the terms it links to.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('.debrief-glossary')).toBeVisible();
  await expect(page.locator('.debrief-glossary dt', { hasText: 'Expected value' })).toBeVisible();
  await expect(words).toBeVisible();
  await expect(page.locator('.ai-reasons .numbers dl').first()).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.debrief-glossary')).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

test('a loaded scenario brings its own entries: marked, with sources, shown as text, replacing a built-in one', async ({
  page,
  consoleErrors,
}) => {
  const doc = JSON.parse(readFileSync(new URL('../../scenarios/geneva-2022.json', import.meta.url), 'utf8')) as {
    meta: { id: string; title: string; sources: { id: string; label: string }[] };
    glossary?: unknown[];
  };
  doc.meta.id = 'glossary-check';
  doc.meta.title = 'Glossary check';
  const source = doc.meta.sources[0]!;
  doc.glossary = [
    {
      id: 'markup',
      term: '<b>Not bold</b> term',
      definition: '<img src=x onerror="document.body.dataset.hacked=1"> stays text.',
      sources: [source.id],
    },
    { id: 'red-line', term: 'Red line (as the scenario draws it)', definition: 'The scenario’s own wording for this term.' },
  ];
  await openMenu(page);
  await press(page, 'p');
  await waitForScreen(page, 'picker');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'glossary-check.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.locator('.scenario-card.loaded h2')).toHaveText('Glossary check');
  await page.getByRole('button', { name: 'Back to menu' }).click();
  await waitForScreen(page, 'title');

  await press(page, 'l');
  await waitForScreen(page, 'glossary');
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Glossary check' });
  await expect(page.getByLabel('Scenario', { exact: true })).toBeFocused();
  const markup = page.locator('#glossary-markup');
  await expect(markup.locator('h2')).toHaveText('<b>Not bold</b> term');
  await expect(markup.locator('.glossary-definition')).toHaveText('<img src=x onerror="document.body.dataset.hacked=1"> stays text.');
  await expect(markup.locator('b, img')).toHaveCount(0);
  await expect(markup.locator('.glossary-origin')).toHaveText('From the scenario');
  await expect(markup.locator('.glossary-sources li')).toHaveText([source.label]);
  await expect(page.locator('#glossary-red-line h2')).toHaveText('Red line (as the scenario draws it)');
  await expect(page.locator('.glossary-entry h2', { hasText: /^Red line$/ })).toHaveCount(0);
  expect(await page.evaluate(() => document.body.dataset.hacked)).toBeUndefined();
  await snap(page, 'glossary-scenario');
  // The game's terms only.
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'None: the game’s terms only' });
  await expect(page.locator('#glossary-markup')).toHaveCount(0);
  await expect(page.locator('#glossary-red-line h2')).toHaveText('Red line');
  await press(page, 'Escape');
  await waitForScreen(page, 'title');
  expect(consoleErrors).toEqual([]);
});
