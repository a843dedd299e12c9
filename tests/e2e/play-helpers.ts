/** Steps shared by the browser tests that play whole games. */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openMenu, press, screenOf, snap, waitForScreen } from './fixtures.ts';

export type TableStage = 'propose' | 'answer' | 'reply';

export async function tableStage(page: Page): Promise<TableStage> {
  const text = (await page.locator('.banner strong').textContent()) ?? '';
  if (text.includes('to propose')) return 'propose';
  if (text.includes('to answer')) return 'answer';
  return 'reply';
}

/** Where the game is: the screen, the machine's state and round, and whose turn it is at the table. */
export async function position(page: Page): Promise<string> {
  const ui = page.locator('#ui');
  return `${await ui.getAttribute('data-screen')}|${await ui.getAttribute('data-state')}|${await ui.getAttribute('data-acting')}`;
}

/** Waits until the game has moved on from `before`. */
export async function moveOn(page: Page, before: string): Promise<void> {
  await expect.poll(() => position(page)).not.toBe(before);
}

/**
 * Plays from the current screen to the debrief with `onTable` deciding at the table; saves a
 * screenshot of every screen on the way. Returns the screens passed.
 */
export async function playToDebrief(
  page: Page,
  prefix: string,
  onTable: (stage: TableStage, round: number) => Promise<void>,
  advance: () => Promise<void>,
): Promise<string[]> {
  const seen: string[] = [];
  for (let step = 0; step < 80; step++) {
    const screen = await screenOf(page);
    seen.push(screen);
    if (screen === 'debrief') return seen;
    const before = await position(page);
    await snap(page, `${prefix}-${String(step).padStart(2, '0')}-${screen}`);
    if (screen === 'table') {
      const round = Number((await page.locator('.game-header h1').textContent())?.match(/Round (\d+)/)?.[1] ?? 1);
      await onTable(await tableStage(page), round);
    } else await advance();
    await moveOn(page, before);
  }
  throw new Error(`no debrief after 80 steps; screens: ${seen.join(', ')}`);
}

export async function finishOnDebrief(page: Page, prefix: string): Promise<void> {
  await waitForScreen(page, 'debrief');
  await expect(page.locator('.game-header h1')).toContainText('Outcome:');
  await expect(page.locator('.questions li').first()).toBeVisible();
  await expect(page.locator('.risk-table tbody tr').first()).toBeVisible();
  await snap(page, `${prefix}-debrief`);
}

export { press };

/** From a fresh page to the setup screen of the first bundled scenario (Geneva). */
export async function openSetup(page: Page): Promise<void> {
  await openMenu(page);
  await press(page, 'p');
  await waitForScreen(page, 'picker');
  await press(page, '1');
  await waitForScreen(page, 'setup');
}

/** The hot-seat choice on the setup screen. */
export const HOTSEAT = 'Two players, one screen (hot-seat)';

/** From the setup screen to the first briefing, against the opponent whose label is given, with a seed if given. */
export async function begin(page: Page, opponent: string, seed?: number): Promise<void> {
  await page.getByText(opponent).click();
  if (seed !== undefined) await page.getByLabel(/^Seed/).fill(String(seed));
  await page.getByRole('button', { name: 'Begin' }).click();
  await waitForScreen(page, 'briefing');
}

/** From a fresh page to the first briefing of Geneva against the AI pragmatist, with a fixed seed. */
export async function startAgainstPragmatist(page: Page, seed: number): Promise<void> {
  await openSetup(page);
  await begin(page, 'Russia, The Pragmatist', seed);
}

/** A scenario file as the picker's file input takes it. */
export interface ScenarioFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const GENEVA = readFileSync(new URL('../../scenarios/geneva-2022.json', import.meta.url), 'utf8');

/**
 * Geneva as an instructor might adapt it: the bundled file with `adapt` applied to its document,
 * under an id and a title of its own, as a file to load on the picker.
 */
export function adaptedGeneva<Doc = Record<string, unknown>>(id: string, title: string, adapt: (doc: Doc) => void): ScenarioFile {
  const doc = JSON.parse(GENEVA) as Doc & { meta: { id: string; title: string } };
  doc.meta.id = id;
  doc.meta.title = title;
  adapt(doc);
  return { name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) };
}

/** On the picker: loads a scenario file as an instructor does (Load a scenario…) and plays it, to its setup screen. */
export async function playScenarioFile(page: Page, file: ScenarioFile): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(file);
  const loaded = page.locator('.scenario-card.loaded').filter({ hasText: `Loaded from ${file.name}` });
  // Once loaded, the new card's Play button has focus.
  await expect(loaded.getByRole('button', { name: /^Play/ })).toBeFocused();
  await press(page, 'Enter');
  await waitForScreen(page, 'setup');
}

/** Geneva with its red lines private (privateRedLines), as an instructor would load it. */
export function privateRedLinesGeneva(): ScenarioFile {
  return adaptedGeneva('geneva-private-red-lines', 'Geneva, red lines private', (doc) => (doc.privateRedLines = true));
}
