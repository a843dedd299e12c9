/**
 * Instructors' scenarios in the browser: loaded by the file picker (YAML) and by a link, played to
 * the end; a broken file opens the problems panel and changes nothing; labels holding HTML are
 * shown as text; files over 1 MiB are refused.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';
import { finishOnDebrief, playToDebrief } from './play-helpers.ts';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

async function openPicker(page: Page): Promise<void> {
  await openMenu(page);
  await press(page, 'p');
  await waitForScreen(page, 'picker');
}

/** Plays a game against the AI from the setup screen to the debrief, rejecting and holding throughout. */
async function playThrough(page: Page, prefix: string): Promise<void> {
  await waitForScreen(page, 'setup');
  await page.getByRole('button', { name: 'Begin' }).click();
  await waitForScreen(page, 'briefing');
  await playToDebrief(
    page,
    prefix,
    async (stage) => press(page, stage === 'propose' ? 'Enter' : 'r'),
    async () => press(page, 'Enter'),
  );
  await finishOnDebrief(page, prefix);
}

test('a YAML scenario loaded by the file picker is played to the end', async ({ page, consoleErrors }) => {
  await openPicker(page);
  const cards = page.locator('.scenario-card');
  const before = await cards.count();
  await page.locator('input[type=file]').setInputFiles(fixture('geneva-copy.yaml'));
  await expect(cards).toHaveCount(before + 1);
  await expect(page.locator('.scenario-card.loaded h2')).toHaveText('Geneva, from a YAML file');
  await expect(page.locator('.scenario-card.loaded .origin')).toHaveText('Loaded from geneva-copy.yaml');
  await expect(page.locator('#announcer')).toContainText('Loaded “Geneva, from a YAML file”');
  await snap(page, 'custom-file-loaded');
  await page.getByRole('button', { name: 'Play “Geneva, from a YAML file”' }).click();
  await playThrough(page, 'custom-file');
  expect(consoleErrors).toEqual([]);
});

test('a scenario named by a ?scenario= link on the same site is loaded and played', async ({ page, consoleErrors }) => {
  // The class's web server, as the test sees it: the file is answered on the game's own origin.
  await page.route('**/class/week-3.yaml', (route) =>
    route.fulfill({ status: 200, contentType: 'application/yaml', body: readFileSync(fixture('geneva-copy.yaml'), 'utf8') }),
  );
  await page.goto('./?scenario=class/week-3.yaml');
  await waitForScreen(page, 'picker');
  await expect(page.locator('.scenario-card.loaded .origin')).toHaveText('Loaded from class/week-3.yaml');
  await expect(page.getByRole('button', { name: 'Play “Geneva, from a YAML file”' })).toBeFocused();
  await snap(page, 'custom-link-loaded');
  await press(page, 'Enter');
  await playThrough(page, 'custom-link');
  expect(consoleErrors).toEqual([]);
});

test('one load shows everything: a misspelt key, a dangling reference and a warning together', async ({ page, consoleErrors }) => {
  await openPicker(page);
  const doc = JSON.parse(readFileSync(new URL('../../scenarios/geneva-2022.json', import.meta.url), 'utf8'));
  doc.escalation.incident.riskjump = 5;
  doc.rounds[0].proposer = 'russia';
  doc.meta.sources.push({ id: 'unused-source', label: 'Unused', url: 'https://example.org' });
  const buffer = Buffer.from(JSON.stringify(doc));
  await page.locator('input[type=file]').setInputFiles({ name: 'everything.json', mimeType: 'application/json', buffer });
  const panel = page.locator('.problems-panel');
  await expect(panel.locator('h2')).toHaveText('everything.json could not be loaded (2 problems and 1 warning)');
  await expect(panel.locator('.problem-list li')).toHaveText([
    'escalation.incident: unknown key "riskjump": expected one of "chance", "riskJump", "escalation", "name"',
    'rounds[0].proposer: unknown side "russia"; expected "us" and "ru"',
    /^warning: meta\.sources\[\d+\]: source "unused-source" is listed but never cited$/,
  ]);
  await snap(page, 'custom-everything');
  expect(consoleErrors).toEqual([]);
});

test('a link to another site is refused with a message', async ({ page, consoleErrors }) => {
  await page.goto('./?scenario=https://example.org/evil.json');
  await waitForScreen(page, 'picker');
  await expect(page.locator('.problems-panel')).toBeVisible();
  await expect(page.locator('.problem-list')).toContainText('scenario links must point to this site');
  await expect(page.locator('.scenario-card.loaded')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('broken files list every problem and change nothing; HTML in labels stays text; big files are refused', async ({
  page,
  consoleErrors,
}) => {
  await openPicker(page);
  const cards = page.locator('.scenario-card');
  const before = await cards.count();
  const titles = await cards.locator('h2').allTextContents();

  await page.locator('input[type=file]').setInputFiles(fixture('broken-scenario.json'));
  const panel = page.locator('.problems-panel');
  await expect(panel).toBeVisible();
  // One load shows everything: the schema problems, and the reference problems of the rest.
  await expect(panel.locator('h2')).toHaveText('broken-scenario.json could not be loaded (3 problems)');
  await expect(panel.locator('.problem-list li')).toHaveText([
    'tracks[1].positions[0].utility.us: expected a number from 0 to 100',
    'rounds[0].venue: missing: expected text',
    'tracks[0].statusQuo: unknown position "nowhere" on track "enlargement"',
  ]);
  await expect(page.getByRole('button', { name: 'Dismiss' })).toBeFocused();
  await snap(page, 'custom-broken');
  await expect(cards).toHaveCount(before);

  await page.locator('input[type=file]').setInputFiles(fixture('syntax-error.yaml'));
  await expect(panel.locator('.problem-list li')).toHaveText([/^\(document\): invalid YAML at line \d+, column \d+: /]);
  await expect(cards).toHaveCount(before);

  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(1024 * 1024 + 1, 32) });
  await expect(panel.locator('.problem-list li')).toHaveText(['(document): the file is 1.0 MiB; scenarios may be at most 1 MiB']);
  await expect(cards).toHaveCount(before);
  expect(await cards.locator('h2').allTextContents()).toEqual(titles);

  await page.locator('input[type=file]').setInputFiles(fixture('html-labels.json'));
  const title = '<img src=x onerror="document.body.dataset.hacked=1"> <b>Not bold</b>';
  await expect(page.locator('.scenario-card.loaded h2')).toHaveText(title);
  await expect(page.locator('.scenario-card.loaded h2 img, .scenario-card.loaded h2 b')).toHaveCount(0);
  await page.getByRole('button', { name: `Play “${title}”` }).click();
  await waitForScreen(page, 'setup');
  await page.getByRole('button', { name: 'Begin' }).click();
  await waitForScreen(page, 'briefing');
  await press(page, 'Enter');
  await waitForScreen(page, 'table');
  await expect(page.locator('.rung-label').first()).toHaveText('<script>document.body.dataset.hacked=2</script>');
  expect(await page.evaluate(() => document.body.dataset.hacked ?? null)).toBeNull();
  await snap(page, 'custom-html-labels');
  expect(consoleErrors).toEqual([]);
});
