/**
 * The replay viewer: a saved game on the table, read-only; a scrubber, steps, play and pause,
 * all by keyboard too, whichever of its controls has focus; taking over from a point starts a new
 * game and leaves the original alone. Its table scrolls as one region, so nothing in it is clipped.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { loadScenarioText } from '../../src/engine/scenario/load.ts';
import { recordSession } from '../../src/engine/session/record.ts';
import { playGame } from '../../src/engine/simulation/play.ts';
import { axeFindings } from './axe-check.ts';
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';

/** A game of Geneva against the pragmatist: whole, or its first `events` events (a game in progress), with players' names if given. */
function sessionFile(events?: number, players?: Record<string, string>): Buffer {
  const text = readFileSync(new URL('../../scenarios/geneva-2022.json', import.meta.url), 'utf8');
  const loaded = loadScenarioText(text);
  if (!loaded.ok) throw new Error('Geneva does not load');
  const setup = { seed: 12, playerSide: 'us', opponent: { kind: 'ai' as const, persona: 'ru-pragmatist' } };
  const game = playGame(loaded.value, setup, { us: 'dove' });
  const session = recordSession(loaded.value, JSON.parse(text), setup, game.events.slice(0, events), {
    name: loaded.value.meta.title,
    players,
  });
  return Buffer.from(JSON.stringify(session));
}

/** Imported games are named after the game (scenario, side, players), not after their file. */
const GAME = /^Geneva 2022 — the January talks, as they happened — US\/NATO/;
const replayButton = /^Replay Geneva 2022 — the January talks, as they happened — US\/NATO/;

/** Saved games with one imported session, opened in the replay viewer. */
async function openReplay(page: Page, name: string, buffer: Buffer): Promise<void> {
  await openMenu(page);
  await press(page, 'g');
  await waitForScreen(page, 'library');
  await page.locator('input[type=file]').setInputFiles({ name: `${name}.json`, mimeType: 'application/json', buffer });
  await page.getByRole('button', { name: replayButton }).click();
  await waitForScreen(page, 'replay');
}

const textSize = (page: Page, size: number) =>
  page.addInitScript(
    (value) =>
      localStorage.setItem(
        'red-lines:settings',
        JSON.stringify({ volume: 0.7, muted: true, reducedMotion: true, textSize: value, highContrast: false }),
      ),
    size,
  );

test('replay a saved game: scrub, step, play and pause, then take over from a point', async ({ page, consoleErrors }) => {
  await openMenu(page);
  await press(page, 'g');
  await waitForScreen(page, 'library');
  await page.locator('input[type=file]').setInputFiles({ name: 'class-game.json', mimeType: 'application/json', buffer: sessionFile() });
  const rows = page.locator('.library-table tbody tr');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button', { name: replayButton }).click();
  await waitForScreen(page, 'replay');
  const ui = page.locator('#ui');
  await expect(ui).toHaveAttribute('data-state', /#0$/);
  await expect(page.locator('.replay-status')).toContainText('the start');
  await snap(page, 'replay-start');

  // Keyboard: step forward and back.
  await page.locator('.replay-view').focus();
  await press(page, 'ArrowRight', 'ArrowRight', 'ArrowRight');
  await expect(ui).toHaveAttribute('data-state', /#3$/);
  await press(page, 'ArrowLeft');
  await expect(ui).toHaveAttribute('data-state', /#2$/);
  await press(page, 'End');
  const last = Number((await page.locator('.scrubber').getAttribute('max')) ?? 0);
  await expect(ui).toHaveAttribute('data-state', new RegExp(`#${last}$`));
  await expect(page.locator('.replay-status')).toContainText('The game is over');
  await snap(page, 'replay-end');

  // The scrubber seeks anywhere.
  await page.locator('.scrubber').fill(String(Math.floor(last / 2)));
  await expect(ui).toHaveAttribute('data-state', new RegExp(`#${Math.floor(last / 2)}$`));
  await snap(page, 'replay-middle');

  // Play moves on by itself; pause stops it.
  await press(page, 'Home');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(ui).not.toHaveAttribute('data-state', /#0$/, { timeout: 5000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await ui.getAttribute('data-state');
  await page.waitForTimeout(1500);
  await expect(ui).toHaveAttribute('data-state', paused!);

  // Take over from event 4: a new game in progress; the original stays as it was in the library.
  await press(page, 'Home', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight');
  await page.getByRole('button', { name: 'Take over from here' }).click();
  await expect(ui).not.toHaveAttribute('data-screen', 'replay');
  await snap(page, 'replay-taken-over');
  await page.getByRole('button', { name: 'Quit…' }).click();
  await page.getByRole('button', { name: 'Leave' }).click();
  await waitForScreen(page, 'title');
  await press(page, 'g');
  await waitForScreen(page, 'library');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: /US\/NATO — taken over at event 4/ })).toHaveCount(1);
  const original = rows.filter({ hasText: GAME, hasNotText: 'taken over' });
  await expect(original).toContainText('Agreement on every track');
  expect(consoleErrors).toEqual([]);
});

test('a share link opens straight into the replay; a damaged one says so', async ({ page, context, consoleErrors }) => {
  await openMenu(page);
  await press(page, 'g');
  await waitForScreen(page, 'library');
  await page.locator('input[type=file]').setInputFiles({ name: 'shared-game.json', mimeType: 'application/json', buffer: sessionFile() });
  await page.getByRole('button', { name: /^Share link to Geneva 2022/ }).click();
  const field = page.locator('.share-field');
  await expect(field).toBeFocused();
  const link = await field.inputValue();
  expect(link).toMatch(/#session=[A-Za-z0-9_-]+$/);
  // A game on a bundled scenario names it rather than embedding it, so its link stays short.
  expect(link.length).toBeLessThan(2000);
  await snap(page, 'share-link');

  const friend = await context.newPage();
  const friendErrors: string[] = [];
  friend.on('console', (message) => message.type() === 'error' && friendErrors.push(message.text()));
  await friend.goto(link);
  await waitForScreen(friend, 'replay');
  await expect(friend.locator('.game-header h1')).toHaveText('Replay: A shared game');
  await expect(friend.locator('.replay-status')).toContainText('the start');
  await friend.goto(`${link.slice(0, link.length - 40)}`);
  await friend.reload();
  await expect(friend.locator('#toast')).toContainText('The shared game could not be opened');
  await expect(friend.locator('#ui')).toHaveAttribute('data-ready', 'menu');
  expect(friendErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the viewer’s shortcuts work while the scrubber or the speed list has focus, which keep their own keys', async ({
  page,
  consoleErrors,
}) => {
  await openReplay(page, 'keys', sessionFile());
  const ui = page.locator('#ui');
  const scrubber = page.locator('.scrubber');
  await scrubber.focus();
  // The range's own keys still move it.
  await press(page, 'ArrowRight', 'ArrowRight');
  await expect(ui).toHaveAttribute('data-state', /#2$/);
  await press(page, 'End');
  await expect(ui).toHaveAttribute('data-state', new RegExp(`#${await scrubber.getAttribute('max')}$`));
  await press(page, 'Home');
  await expect(ui).toHaveAttribute('data-state', /#0$/);
  // Space plays and pauses at the scrubber.
  await press(page, ' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await press(page, ' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(scrubber).toBeFocused();
  // Escape at the speed list goes back; T at the scrubber takes over.
  await page.getByLabel('Speed').focus();
  await press(page, 'Escape');
  await waitForScreen(page, 'library');
  await page.getByRole('button', { name: replayButton }).click();
  await waitForScreen(page, 'replay');
  await scrubber.focus();
  await press(page, 'ArrowRight', 'ArrowRight', 'ArrowRight', 't');
  await expect(ui).not.toHaveAttribute('data-screen', 'replay');
  expect(consoleErrors).toEqual([]);
});

for (const size of [100, 150]) {
  test(`at 1280×720 and ${size}% text the replay's table scrolls as one region, and nothing in it is clipped`, async ({
    page,
    consoleErrors,
  }) => {
    await textSize(page, size);
    await openReplay(page, 'layout', sessionFile());
    await page.locator('.scrubber').fill('9');
    await expect(page.locator('#ui')).toHaveAttribute('data-state', /#9$/);
    const view = page.locator('.replay-view');
    // The pointer off the gauge, whose breakdown opens on hover (the click that opened the replay left it there).
    await page.mouse.move(1, 1);
    // No column scrolls or clips on its own: each is as tall as what it holds.
    for (const column of ['.table-centre', '.table-right', '.meters', '.risk-panel']) {
      const { scroll, client } = await page
        .locator(`.replay-view ${column}`)
        .evaluate((element) => ({ scroll: element.scrollHeight, client: element.clientHeight }));
      expect(scroll, `${column} holds more than it shows`).toBeLessThanOrEqual(client + 1);
    }
    // Every band of the gauge's list can be brought into the region, whole.
    const bands = page.locator('.replay-view .bands li');
    await expect(bands).toHaveCount(5);
    await bands.last().scrollIntoViewIfNeeded();
    const region = (await view.boundingBox())!;
    for (const band of await bands.all()) {
      const box = (await band.boundingBox())!;
      const name = (await band.textContent()) ?? '';
      expect(box.y, name).toBeGreaterThanOrEqual(region.y - 1);
      expect(box.y + box.height, name).toBeLessThanOrEqual(region.y + region.height + 1);
    }
    if (size === 100) {
      // At the ordinary size the whole band list shows without scrolling.
      expect(await view.evaluate((element) => element.scrollTop)).toBe(0);
    }
    // The region scrolls by keyboard: it takes focus, and has a name.
    await view.focus();
    await expect(view).toBeFocused();
    await expect(view).toHaveAttribute('aria-label', 'The game at this point');
    await snap(page, `replay-1280-${size}`);
    expect(await axeFindings(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test('a shared game names its players, and never the persona of a game still in progress', async ({ page, context, consoleErrors }) => {
  await openReplay(page, 'unfinished', sessionFile(6, { us: 'Alice' }));
  await expect(page.locator('.game-header .meta')).toContainText('played by Alice');
  await expect(page.locator('.game-header .meta')).toContainText('seed 12 · verified: whole file sealed');
  await page.getByRole('button', { name: 'Back to saved games' }).click();
  await waitForScreen(page, 'library');
  await page.getByRole('button', { name: /^Share link to Geneva 2022 .* US\/NATO, Alice$/ }).click();
  const link = await page.locator('.share-field').inputValue();
  const friend = await context.newPage();
  await friend.goto(link);
  await waitForScreen(friend, 'replay');
  await expect(friend.locator('.game-header .meta')).toContainText('played by Alice');
  await press(friend, 'End');
  await expect(friend.locator('#ui')).toHaveAttribute('data-state', /#6$/);
  await expect(friend.locator('#ui')).not.toContainText('Pragmatist');
  expect(consoleErrors).toEqual([]);
});

test('the debrief prints: chart as SVG, every section open, no controls; and saves as PDF', async ({ page, consoleErrors }) => {
  await openMenu(page);
  await press(page, 'g');
  await waitForScreen(page, 'library');
  await page.locator('input[type=file]').setInputFiles({ name: 'printed.json', mimeType: 'application/json', buffer: sessionFile() });
  await page.getByRole('button', { name: /^Open Geneva 2022/ }).click();
  await waitForScreen(page, 'debrief');
  await expect(page.getByRole('button', { name: 'Print the debrief' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('.risk-chart-svg')).toBeVisible();
  await expect(page.locator('#stage')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print the debrief' })).toBeHidden();
  expect(await page.locator('details:not([open])').count()).toBe(0);
  await expect(page.locator('.questions li').first()).toBeVisible();
  // The scores in words, each decision's numbers, and the glossary entries the page links to.
  await expect(page.locator('.score-words')).toContainText('in all.');
  await expect(page.locator('.ai-reasons .numbers dl').first()).toBeVisible();
  await expect(page.locator('.debrief-glossary')).toContainText('Expected value (how scores are computed)');
  await page.setViewportSize({ width: 800, height: 4000 });
  await page.screenshot({ path: 'test-results/screens/debrief-print.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  expect(consoleErrors).toEqual([]);
});
