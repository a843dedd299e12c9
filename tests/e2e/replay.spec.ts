/**
 * The replay viewer: a saved game on the table, read-only; a scrubber, steps, play and pause,
 * all by keyboard too; taking over from a point starts a new game and leaves the original alone.
 */
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../../src/engine/scenario/load.ts';
import { recordSession } from '../../src/engine/session/record.ts';
import { playGame } from '../../src/engine/simulation/play.ts';
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';

function sessionFile(): Buffer {
  const text = readFileSync(new URL('../../scenarios/geneva-2022.json', import.meta.url), 'utf8');
  const loaded = loadScenarioText(text);
  if (!loaded.ok) throw new Error('Geneva does not load');
  const setup = { seed: 12, playerSide: 'us', opponent: { kind: 'ai' as const, persona: 'ru-pragmatist' } };
  const game = playGame(loaded.value, setup, { us: 'dove' });
  return Buffer.from(JSON.stringify(recordSession(loaded.value, JSON.parse(text), setup, game.events)));
}

test('replay a saved game: scrub, step, play and pause, then take over from a point', async ({ page, consoleErrors }) => {
  await openMenu(page);
  await press(page, 'g');
  await waitForScreen(page, 'library');
  await page.locator('input[type=file]').setInputFiles({ name: 'class-game.json', mimeType: 'application/json', buffer: sessionFile() });
  const rows = page.locator('.library-table tbody tr');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button', { name: 'Replay class-game' }).click();
  await waitForScreen(page, 'replay');
  const ui = page.locator('#ui');
  await expect(ui).toHaveAttribute('data-state', /#0$/);
  await expect(page.locator('.replay-status')).toContainText('the start');
  await snap(page, 'replay-start');

  // Keyboard: step forward and back.
  await page.locator('.replay-status').click();
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
  await expect(rows.filter({ hasText: 'class-game — taken over at event 4' })).toHaveCount(1);
  const original = rows.filter({ hasText: /^class-game(?! —)/ });
  await expect(original).toContainText('Agreement on every track');
  expect(consoleErrors).toEqual([]);
});

test('a share link opens straight into the replay; a damaged one says so', async ({ page, context, consoleErrors }) => {
  await openMenu(page);
  await press(page, 'g');
  await waitForScreen(page, 'library');
  await page.locator('input[type=file]').setInputFiles({ name: 'shared-game.json', mimeType: 'application/json', buffer: sessionFile() });
  await page.getByRole('button', { name: 'Share a link to shared-game' }).click();
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

test('the debrief prints: chart as SVG, every section open, no controls; and saves as PDF', async ({ page, consoleErrors }) => {
  await openMenu(page);
  await press(page, 'g');
  await waitForScreen(page, 'library');
  await page.locator('input[type=file]').setInputFiles({ name: 'printed.json', mimeType: 'application/json', buffer: sessionFile() });
  await page.getByRole('button', { name: 'Open printed' }).click();
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
