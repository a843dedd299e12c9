/**
 * Saved games: every game appears in the library with its summary; rename, export, delete with
 * undo, import of session files (an altered one is refused, says why and changes nothing), and
 * opening a finished game on its debrief. The student's name: asked once at setup, remembered,
 * in hot-seat one per side, and carried into the list, the session file and its file name.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { sealed } from '../../src/engine/session/seal.ts';
import { axeFindings } from './axe-check.ts';
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';
import { finishOnDebrief, playToDebrief, startAgainstPragmatist } from './play-helpers.ts';

/** From a game's briefing, through the hand-over in hot-seat, to the table; then leaves it for the saved games. */
async function leaveForLibrary(page: Page): Promise<void> {
  await press(page, 'Enter');
  await expect(page.locator('#ui')).not.toHaveAttribute('data-screen', 'briefing');
  if ((await page.locator('#ui').getAttribute('data-screen')) === 'hand-over') await press(page, 'Enter');
  await waitForScreen(page, 'table');
  await page.getByRole('button', { name: 'Quit…' }).click();
  await page.getByRole('button', { name: 'Leave' }).click();
  await waitForScreen(page, 'title');
  await press(page, 'g');
  await waitForScreen(page, 'library');
}

test('saved games: listed, renamed, exported, deleted with undo, imported and opened', async ({ page, consoleErrors }) => {
  await startAgainstPragmatist(page, 8);
  await playToDebrief(
    page,
    'library-game',
    async (stage) => press(page, stage === 'propose' ? 'Enter' : 'r'),
    async () => press(page, 'Enter'),
  );
  await finishOnDebrief(page, 'library-game');
  const exported = page.waitForEvent('download');
  await press(page, 'd');
  const sessionPath = await (await exported).path();
  await press(page, 'm');
  await waitForScreen(page, 'title');

  await press(page, 'g');
  await waitForScreen(page, 'library');
  const rows = page.locator('.library-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Geneva 2022 — the January talks, as they happened');
  // The game is over, so the persona the debrief revealed is named.
  await expect(rows.first()).toContainText('Opponent: AI: Russia, The Pragmatist');
  await expect(rows.first().locator('td').first()).toHaveText('not given');
  await snap(page, 'library-one');

  await rows
    .first()
    .getByRole('button', { name: /^Rename / })
    .click();
  await page.getByLabel('New name').fill('Week 3 — Alice');
  await press(page, 'Enter');
  await expect(rows.first().locator('th')).toHaveText('Week 3 — Alice');

  const download = page.waitForEvent('download');
  await rows.first().getByRole('button', { name: 'Export Week 3 — Alice' }).click();
  expect((await download).suggestedFilename()).toMatch(/^red-lines-week-3-alice-\d{4}-\d{2}-\d{2}\.json$/);

  await rows.first().getByRole('button', { name: 'Delete Week 3 — Alice' }).click();
  await expect(page.locator('.library-list')).toContainText('No saved games yet');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('th')).toHaveText('Week 3 — Alice');

  // An altered session file is refused, naming what changed since it was sealed; the library is unchanged.
  const text = readFileSync(sessionPath, 'utf8');
  const altered = JSON.parse(text) as { events: { event: { type: string; proposal?: { tone: string } } }[] };
  const proposal = altered.events.find((item) => item.event.type === 'PROPOSE')!.event.proposal!;
  proposal.tone = proposal.tone === 'firm' ? 'conciliatory' : 'firm';
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'altered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(altered)) });
  await expect(page.locator('.problems-panel')).toContainText('events: does not match the seal: changed after the file was sealed');
  await expect(rows).toHaveCount(1);
  await snap(page, 'library-altered');

  // The genuine file (renamed, so not the saved game as it is) imports as a second entry, named after the game, not the file.
  const genuine = { name: 'alice-session.json', mimeType: 'application/json', buffer: Buffer.from(text) };
  await page.locator('input[type=file]').setInputFiles(genuine);
  await expect(rows).toHaveCount(2);
  await expect(page.locator('.library-table')).not.toContainText('alice-session');
  const imported = rows.filter({ hasText: /as they happened — US\/NATO, \d{4}-\d{2}-\d{2}/ });
  await expect(imported).toHaveCount(1);
  await snap(page, 'library-two');
  // The same file again: the game is there already, and nothing is added.
  await page.locator('input[type=file]').setInputFiles(genuine);
  await expect(page.locator('.problems-panel')).toContainText('the same game is already in saved games, as “Geneva 2022');
  await expect(rows).toHaveCount(2);

  await imported.getByRole('button', { name: /^Open Geneva 2022/ }).click();
  await waitForScreen(page, 'debrief');
  await expect(page.locator('.persona h2')).toContainText('The Pragmatist');
  expect(consoleErrors).toEqual([]);
});

test('a game in progress keeps its AI persona hidden in saved games; every import says what came of it', async ({
  page,
  consoleErrors,
}) => {
  await startAgainstPragmatist(page, 8);
  await leaveForLibrary(page);
  const rows = page.locator('.library-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Opponent: AI: Russia, persona hidden');
  await expect(rows.first()).not.toContainText('Pragmatist');
  await expect(rows.first()).toContainText('in progress');

  // Every control's name holds the words it shows (Share link → "Share link to …"), and axe finds nothing.
  await rows
    .first()
    .getByRole('button', { name: /^Share link to / })
    .click();
  await expect(page.locator('.share-field')).toBeFocused();
  await expect(page.locator('.share-field')).not.toHaveValue(/Pragmatist/);
  expect(await axeFindings(page)).toEqual([]);

  // A good file, then an altered one: the second import announces its refusal, not the first one's success.
  const announcer = page.locator('#announcer');
  const exported = page.waitForEvent('download');
  await rows
    .first()
    .getByRole('button', { name: /^Export / })
    .click();
  const text = readFileSync(await (await exported).path(), 'utf8');
  const file = (name: string, body: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
  // The export of a game in the library is that game: refused as already there.
  await page.locator('input[type=file]').setInputFiles(file('same.json', text));
  await expect(announcer).toHaveText(/^Refused same\.json: \(document\): the same game is already in saved games, as “.+”\.$/);
  await expect(rows).toHaveCount(1);
  // Under another name (sealed again, as the library's Rename does), it is another entry.
  const good = JSON.stringify(sealed({ ...(JSON.parse(text) as object), name: 'A copy' }));
  await page.locator('input[type=file]').setInputFiles(file('good.json', good));
  await expect(rows).toHaveCount(2);
  await expect(announcer).toHaveText('Imported 1 session file.');
  const altered = JSON.parse(text) as { seed: number };
  altered.seed += 1;
  await page.locator('input[type=file]').setInputFiles(file('altered.json', JSON.stringify(altered)));
  await expect(announcer).toHaveText(/^Refused altered\.json: seed: does not match the seal/);
  await expect(page.locator('.problems-panel')).toContainText('altered.json could not be loaded');
  // Several at once: each is taken or refused on its own, and the announcement says which.
  const again = JSON.stringify(sealed({ ...(JSON.parse(text) as object), name: 'Another copy' }));
  await page.locator('input[type=file]').setInputFiles([file('broken.json', '{"format": '), file('again.json', again)]);
  await expect(rows).toHaveCount(3);
  await expect(announcer).toHaveText(/^Imported 1 session file\. Refused broken\.json: .+$/);
  await expect(page.locator('.problems-panel')).toContainText('broken.json could not be loaded');
  expect(consoleErrors).toEqual([]);
});

test('saved games at 1024×768 and 150% text: no word breaks inside a button, nothing shows below the sticky footer', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() =>
    localStorage.setItem(
      'red-lines:settings',
      JSON.stringify({ volume: 0.7, muted: true, reducedMotion: true, textSize: 150, highContrast: false }),
    ),
  );
  await page.setViewportSize({ width: 1024, height: 768 });
  await startAgainstPragmatist(page, 8);
  await leaveForLibrary(page);
  const rows = page.locator('.library-table tbody tr');
  const exported = page.waitForEvent('download');
  await rows
    .first()
    .getByRole('button', { name: /^Export / })
    .click();
  const text = readFileSync(await (await exported).path(), 'utf8');
  // Three copies under names of their own (one file three times would be one game, refused as already there).
  const copy = (name: string) => Buffer.from(JSON.stringify(sealed({ ...(JSON.parse(text) as object), name: `Copy ${name}` })));
  await page
    .locator('input[type=file]')
    .setInputFiles(['a', 'b', 'c'].map((name) => ({ name: `${name}.json`, mimeType: 'application/json', buffer: copy(name) })));
  await expect(rows).toHaveCount(4);
  await rows
    .first()
    .getByRole('button', { name: /^Share link to / })
    .click();
  // Every button on one line: all as tall as each other (a word broken over two lines makes a taller one).
  const heights = await page
    .locator('.library-table button')
    .evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(20);
  expect(Math.max(...heights) - Math.min(...heights), 'a button taller than the rest').toBeLessThanOrEqual(1);
  const panel = page.locator('.library');
  await panel.evaluate((element) => (element.scrollTop = element.scrollHeight / 3));
  const gap = await panel.evaluate((element) => {
    const bar = element.querySelector(':scope > .actions')!;
    const inner = element.getBoundingClientRect().bottom - Number.parseFloat(getComputedStyle(element).borderBottomWidth);
    return { below: inner - bar.getBoundingClientRect().bottom, background: getComputedStyle(bar).backgroundColor };
  });
  expect(Math.abs(gap.below), 'space below the sticky footer, where the list would show through').toBeLessThanOrEqual(1);
  expect(gap.background, 'an opaque footer').toMatch(/^rgb\(/);
  await snap(page, 'library-1024-150');
  expect(consoleErrors).toEqual([]);
});

test('the student’s name: asked once at setup, remembered, one per side in hot-seat, in saved games and session files', async ({
  page,
  consoleErrors,
}) => {
  await openMenu(page);
  await press(page, 'p');
  await waitForScreen(page, 'picker');
  await press(page, '1');
  await waitForScreen(page, 'setup');
  // The first setup asks: the name field has focus, and says what the name is for.
  const name = page.getByLabel('Your name (optional)');
  await expect(name).toBeFocused();
  await expect(page.locator('.setup')).toContainText('Your name goes into your saved games and the session file you hand in.');
  await expect(page.getByLabel(/^Second player’s name/)).toBeHidden();
  await name.fill('  Zoë   <b>Okafor</b> ');
  await page.getByText('Russia, The Pragmatist').click();
  await page.getByLabel(/^Seed/).fill('8');
  await page.getByRole('button', { name: 'Begin' }).click();
  await waitForScreen(page, 'briefing');
  await leaveForLibrary(page);
  const rows = page.locator('.library-table tbody tr');
  await expect(rows.first().locator('td').first()).toHaveText('Zoë <b>Okafor</b>');
  await expect(rows.first().locator('b')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await rows
    .first()
    .getByRole('button', { name: /^Export / })
    .click();
  expect((await download).suggestedFilename()).toMatch(/^red-lines-zoë-b-okafor-b-geneva-2022-.+-\d{4}-\d{2}-\d{2}\.json$/);
  const session = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { players: unknown };
  expect(session.players).toEqual({ us: 'Zoë <b>Okafor</b>' });

  // The next setup remembers the name without asking again; in hot-seat the second player may name themselves.
  await press(page, 'Escape');
  await waitForScreen(page, 'title');
  await press(page, 'p');
  await waitForScreen(page, 'picker');
  await press(page, '1');
  await waitForScreen(page, 'setup');
  await expect(name).toHaveValue('Zoë <b>Okafor</b>');
  await expect(name).not.toBeFocused();
  await expect(page.locator('.setup')).toContainText('Remembered from your last game');
  await page.getByText('Two players, one screen (hot-seat)').click();
  await page.getByLabel('Second player’s name, for Russia (optional)').fill('Dmitri');
  await page.getByRole('button', { name: 'Begin' }).click();
  await waitForScreen(page, 'briefing');
  await leaveForLibrary(page);
  await expect(rows.first().locator('td').first()).toHaveText('Zoë <b>Okafor</b> (US/NATO), Dmitri (Russia)');

  // Settings edit the same name; the next setup shows it.
  await press(page, 'Escape');
  await waitForScreen(page, 'title');
  await press(page, 's');
  await waitForScreen(page, 'settings');
  const setting = page.getByLabel(/^Your name/);
  await expect(setting).toHaveValue('Zoë <b>Okafor</b>');
  await setting.fill('Bea');
  await press(page, 'Tab', 'Escape');
  await waitForScreen(page, 'title');
  await press(page, 'p');
  await waitForScreen(page, 'picker');
  await press(page, '1');
  await waitForScreen(page, 'setup');
  await expect(name).toHaveValue('Bea');
  expect(consoleErrors).toEqual([]);
});

test('setup at 1024×768 and 150% text: the seed field, reached by Tab, is clear of the sticky footer', async ({ page, consoleErrors }) => {
  await page.addInitScript(() =>
    localStorage.setItem(
      'red-lines:settings',
      JSON.stringify({ volume: 0.7, muted: true, reducedMotion: true, textSize: 150, highContrast: false }),
    ),
  );
  await page.setViewportSize({ width: 1024, height: 768 });
  await openMenu(page);
  await press(page, 'p');
  await waitForScreen(page, 'picker');
  await press(page, '1');
  await waitForScreen(page, 'setup');
  const seed = page.getByLabel(/^Seed/);
  for (let i = 0; i < 30 && !(await seed.evaluate((input) => input === document.activeElement)); i++) await press(page, 'Tab');
  await expect(seed).toBeFocused();
  const { field, bar } = await seed.evaluate((input) => ({
    field: input.getBoundingClientRect().toJSON() as DOMRect,
    bar: document.querySelector('.setup > .actions')!.getBoundingClientRect().toJSON() as DOMRect,
  }));
  expect(field.top).toBeGreaterThanOrEqual(0);
  expect(field.bottom, 'the seed field ends above the sticky footer').toBeLessThanOrEqual(bar.top);
  await snap(page, 'setup-seed-1024-150');
  expect(await axeFindings(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
