/**
 * Saved games: every game appears in the library with its summary; rename, export, delete with
 * undo, import of session files (an altered one is refused and changes nothing), and opening a
 * finished game on its debrief.
 */
import { readFileSync } from 'node:fs';
import { expect, press, snap, test, waitForScreen } from './fixtures.ts';
import { finishOnDebrief, playToDebrief, startAgainstPragmatist } from './play-helpers.ts';

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
  await expect(rows.first()).toContainText('AI: The Pragmatist');
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

  // An altered session file is refused with where it diverges; the library is unchanged.
  const text = readFileSync(sessionPath, 'utf8');
  const altered = JSON.parse(text) as { events: { event: { type: string; proposal?: { tone: string } } }[] };
  const proposal = altered.events.find((item) => item.event.type === 'PROPOSE')!.event.proposal!;
  proposal.tone = proposal.tone === 'firm' ? 'conciliatory' : 'firm';
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'altered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(altered)) });
  await expect(page.locator('.problems-panel')).toContainText('the replay diverges from the recorded game at event');
  await expect(rows).toHaveCount(1);
  await snap(page, 'library-altered');

  // The genuine file imports as a second entry.
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'alice-session.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(rows).toHaveCount(2);
  await expect(page.locator('.library-table')).toContainText('alice-session');
  await snap(page, 'library-two');

  await rows.filter({ hasText: 'alice-session' }).getByRole('button', { name: 'Open alice-session' }).click();
  await waitForScreen(page, 'debrief');
  await expect(page.locator('.persona h2')).toContainText('The Pragmatist');
  expect(consoleErrors).toEqual([]);
});
