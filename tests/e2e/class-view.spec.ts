/**
 * The class view: many session files side by side, an altered one refused, the CSV export, and a
 * replay from the table; the students' names; a persona kept hidden in a game still in progress; the
 * Replay buttons whole at 1024×768 and at 150% text.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeFindings } from './axe-check.ts';
import { loadScenarioText } from '../../src/engine/scenario/load.ts';
import { recordSession } from '../../src/engine/session/record.ts';
import { playGame } from '../../src/engine/simulation/play.ts';
import type { PolicyName } from '../../src/engine/bots/policies.ts';
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';

const text = readFileSync(new URL('../../scenarios/geneva-2022.json', import.meta.url), 'utf8');
const loaded = loadScenarioText(text);
if (!loaded.ok) throw new Error('Geneva does not load');
const geneva = loaded.value;

/** A student's session file: a whole game, or its first `events` events (a game in progress), named for its player if given. */
function sessionFile(name: string, seed: number, policy: PolicyName, persona: string, events?: number, player?: string) {
  const setup = { seed, playerSide: 'us', opponent: { kind: 'ai' as const, persona } };
  const played = playGame(geneva, setup, { us: policy }).events.slice(0, events);
  const session = recordSession(geneva, JSON.parse(text), setup, played, undefined, player ? { us: player } : {});
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(session)) };
}

async function loadClass(page: Page, files: ReturnType<typeof sessionFile>[], loaded: number): Promise<void> {
  await openMenu(page);
  await press(page, 'c');
  await waitForScreen(page, 'class-view');
  await page.locator('input[type=file]').setInputFiles(files);
  await expect(page.locator('#ui')).toHaveAttribute('data-sessions', String(loaded));
}

test('a class of session files side by side', async ({ page, consoleErrors }) => {
  const files = [
    sessionFile('alice.json', 1, 'dove', 'ru-pragmatist'),
    sessionFile('bob.json', 2, 'hawk', 'ru-hardliner'),
    sessionFile('chloe.json', 3, 'greedy', 'ru-bluffer'),
  ];
  const altered = JSON.parse(files[2]!.buffer.toString()) as { seed: number };
  altered.seed += 1;
  files.push({ name: 'dan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(altered)) });

  await loadClass(page, files, 3);
  const rows = page.locator('.class-table tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.locator('th')).toHaveText(['alice.json', 'bob.json', 'chloe.json']);
  await expect(page.locator('.problems-panel')).toContainText('dan.json: seed: does not match the seal');
  await expect(page.locator('.distribution li')).not.toHaveCount(0);
  await snap(page, 'class-view');

  const download = page.waitForEvent('download');
  await press(page, 'e');
  const csv = readFileSync(await (await download).path(), 'utf8').split('\r\n');
  expect(csv[0]).toBe('file,players,scenario,side,opponent,outcome,final risk,player score,other score,rounds');
  expect(csv.slice(1, 4).map((line) => line.split(',')[0])).toEqual(['alice.json', 'bob.json', 'chloe.json']);

  await rows.first().getByRole('button', { name: 'Replay alice.json' }).click();
  await waitForScreen(page, 'replay');
  await page.getByRole('button', { name: 'Back to the class' }).click();
  await waitForScreen(page, 'class-view');
  await expect(rows).toHaveCount(3);
  expect(consoleErrors).toEqual([]);
});

test('the class view names the students, and an AI’s persona only once a game is over', async ({ page, consoleErrors }) => {
  await loadClass(
    page,
    [
      sessionFile('alice.json', 1, 'dove', 'ru-pragmatist', undefined, 'Alice Martin'),
      sessionFile('bob.json', 2, 'hawk', 'ru-hardliner', 4, 'Bob'),
    ],
    2,
  );
  const rows = page.locator('.class-table tbody tr');
  await expect(rows.nth(0).locator('td').first()).toHaveText('Alice Martin');
  await expect(rows.nth(0)).toContainText('AI: Russia, The Pragmatist');
  await expect(rows.nth(1).locator('td').first()).toHaveText('Bob');
  await expect(rows.nth(1)).toContainText('AI: Russia, persona hidden');
  await expect(page.locator('.class-table')).not.toContainText('Hardliner');
  const download = page.waitForEvent('download');
  await press(page, 'e');
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain('alice.json,Alice Martin,');
  expect(csv).not.toContain('Hardliner');
  expect(consoleErrors).toEqual([]);
});

for (const [width, height, size] of [
  [1024, 768, 100],
  [1024, 768, 150],
  [1280, 720, 150],
] as const) {
  test(`at ${width}×${height} and ${size}% text every Replay button shows whole, and every header has words`, async ({
    page,
    consoleErrors,
  }) => {
    await page.addInitScript(
      (value) =>
        localStorage.setItem(
          'red-lines:settings',
          JSON.stringify({ volume: 0.7, muted: true, reducedMotion: true, textSize: value, highContrast: false }),
        ),
      size,
    );
    await page.setViewportSize({ width, height });
    await loadClass(
      page,
      [
        sessionFile(
          'a-student-with-a-rather-long-file-name-week-3.json',
          1,
          'dove',
          'ru-pragmatist',
          undefined,
          'Alexandra Konstantinopoulou',
        ),
        sessionFile('bob.json', 2, 'hawk', 'ru-hardliner', 4),
        sessionFile('chloe.json', 3, 'greedy', 'ru-bluffer'),
      ],
      3,
    );
    const side = page.locator('.class-side');
    // The table fits its panel's width: nothing to scroll sideways to.
    expect(await side.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1);
    for (const replay of await page.getByRole('button', { name: /^Replay / }).all()) {
      await replay.scrollIntoViewIfNeeded();
      const box = (await replay.boundingBox())!;
      const panel = (await side.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(panel.x);
      expect(box.x + box.width, 'the Replay button ends inside the panel').toBeLessThanOrEqual(panel.x + panel.width);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await expect(replay).toHaveText('Replay');
    }
    await snap(page, `class-view-${width}-${size}`);
    expect(await axeFindings(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}
