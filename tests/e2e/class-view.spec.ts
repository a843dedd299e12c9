/** The class view: many session files side by side, an altered one refused, the CSV export, and a replay from the table. */
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../../src/engine/scenario/load.ts';
import { recordSession } from '../../src/engine/session/record.ts';
import { playGame } from '../../src/engine/simulation/play.ts';
import type { PolicyName } from '../../src/engine/bots/policies.ts';
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';

const text = readFileSync(new URL('../../scenarios/geneva-2022.json', import.meta.url), 'utf8');
const loaded = loadScenarioText(text);
if (!loaded.ok) throw new Error('Geneva does not load');
const geneva = loaded.value;

function sessionFile(name: string, seed: number, policy: PolicyName, persona: string) {
  const setup = { seed, playerSide: 'us', opponent: { kind: 'ai' as const, persona } };
  const session = recordSession(geneva, JSON.parse(text), setup, playGame(geneva, setup, { us: policy }).events);
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(session)) };
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

  await openMenu(page);
  await press(page, 'c');
  await waitForScreen(page, 'class-view');
  await page.locator('input[type=file]').setInputFiles(files);
  await expect(page.locator('#ui')).toHaveAttribute('data-sessions', '3');
  const rows = page.locator('.class-table tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.locator('th')).toHaveText(['alice.json', 'bob.json', 'chloe.json']);
  await expect(page.locator('.problems-panel')).toContainText('dan.json: checksums');
  await expect(page.locator('.distribution li')).not.toHaveCount(0);
  await snap(page, 'class-view');

  const download = page.waitForEvent('download');
  await press(page, 'e');
  const csv = readFileSync(await (await download).path(), 'utf8').split('\r\n');
  expect(csv[0]).toBe('file,scenario,side,opponent,outcome,final risk,player score,other score,rounds');
  expect(csv.slice(1, 4).map((line) => line.split(',')[0])).toEqual(['alice.json', 'bob.json', 'chloe.json']);

  await rows.first().getByRole('button', { name: 'Replay alice.json' }).click();
  await waitForScreen(page, 'replay');
  await page.getByRole('button', { name: 'Back to the class' }).click();
  await waitForScreen(page, 'class-view');
  await expect(rows).toHaveCount(3);
  expect(consoleErrors).toEqual([]);
});
