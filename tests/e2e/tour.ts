/**
 * A tour of every screen of the game, as a player reaches them (keys and clicks), for the checks
 * that must hold on all of them (axe, focus, layout). The tour calls `visit(stop)` at each stop and
 * carries on from the same place afterwards, so a visitor may look but must leave the screen as it
 * found it.
 *
 * Speed: the tour loads the page once per part and plays only one round by hand (in hot-seat, which
 * reaches every mode of the table without depending on the AI's choices). Finished games, the
 * incident and the class are session files made here with the engine and imported, so no part
 * replays a whole game through the interface.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { loadScenarioText } from '../../src/engine/scenario/load.ts';
import { recordSession } from '../../src/engine/session/record.ts';
import { botEvent, playGame } from '../../src/engine/simulation/play.ts';
import { GameRun } from '../../src/engine/machine/game-run.ts';
import { Dice, seedState } from '../../src/engine/random.ts';
import type { Setup } from '../../src/engine/rules/state.ts';
import type { TimedEvent } from '../../src/engine/session/format.ts';
import type { PolicyName } from '../../src/engine/bots/policies.ts';
import { expect, openMenu, press, waitForScreen } from './fixtures.ts';
import { playScenarioFile, type ScenarioFile } from './play-helpers.ts';

/** Every stop of the tour, in the order the tour reaches them. */
export const STOPS = [
  'menu',
  'settings',
  'how-to-play',
  'glossary',
  'picker',
  'setup',
  'guide-briefing',
  'briefing-first',
  'hand-over',
  'guide-table',
  'table-propose',
  'table-breakdown',
  'table-answer',
  'table-accept-some',
  'table-counter',
  'table-walkout',
  'table-reply',
  'table-reply-some',
  'round-result',
  'round-result-breakdown',
  'briefing-later',
  'library',
  'share',
  'replay',
  'debrief',
  'debrief-print',
  'incident',
  'class-view',
] as const;
export type Stop = (typeof STOPS)[number];
export type Visit = (stop: Stop) => Promise<void>;

// ---- Session files made with the engine ----

const text = readFileSync(new URL('../../scenarios/geneva-2022.json', import.meta.url), 'utf8');
const loaded = loadScenarioText(text);
if (!loaded.ok) throw new Error('Geneva does not load');
const geneva = loaded.value;

type File = { name: string; mimeType: string; buffer: Buffer };

/** A session file whose player is named for it, so that the game it holds is found by that name once imported (imports are named after their game). */
function file(name: string, setup: Setup, events: TimedEvent[]): File {
  const session = recordSession(geneva, JSON.parse(text), setup, events, { name: geneva.meta.title, players: { us: name } });
  return { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(session)) };
}

function finishedGame(name: string, seed: number, policy: PolicyName, persona: string): File {
  const setup = { seed, playerSide: 'us', opponent: { kind: 'ai' as const, persona } };
  return file(name, setup, playGame(geneva, setup, { us: policy }).events);
}

/**
 * A game stopped on an incident, the game still going: the first seed that gives one when a hawk
 * meets the hardliner. Searched rather than fixed, so that a change to the model cannot lose it.
 */
function incidentGame(): File {
  for (let seed = 1; seed < 500; seed++) {
    const setup = { seed, playerSide: 'us', opponent: { kind: 'ai' as const, persona: 'ru-hardliner' } };
    const run = new GameRun(geneva);
    run.send({ type: 'START', setup });
    const dice = new Dice(seedState(`${seed}:bots`));
    const events: TimedEvent[] = [];
    for (let event = botEvent(run, { us: 'hawk' }, dice); event; event = botEvent(run, { us: 'hawk' }, dice)) {
      run.send(event);
      events.push({ at: events.length * 1000, event });
      if (String(run.snapshot.value) === 'incident') {
        run.stop();
        return file('incident', setup, events);
      }
    }
    run.stop();
  }
  throw new Error('no seed below 500 leads to an incident');
}

/** The session files, made on first use (listing the tests needs none of them). */
export const FILES = {
  get finished(): File {
    return (made.finished ??= finishedGame('finished', 12, 'dove', 'ru-pragmatist'));
  },
  get incident(): File {
    return (made.incident ??= incidentGame());
  },
  get class(): File[] {
    return (made.class ??= [
      finishedGame('alice', 1, 'dove', 'ru-pragmatist'),
      finishedGame('bob', 2, 'hawk', 'ru-hardliner'),
      finishedGame('chloe', 3, 'greedy', 'ru-bluffer'),
    ]);
  },
};
const made: { finished?: File; incident?: File; class?: File[] } = {};

// ---- The parts of the tour ----

const ui = (page: Page) => page.locator('#ui');

/**
 * Clicks, then takes the mouse off to the window's corner: a pointer left where the button was would
 * hover whatever the next screen puts there (the gauge opens its breakdown on hover), and make the
 * screen the tour looks at depend on where buttons happened to be.
 */
async function click(target: Locator): Promise<void> {
  await target.click();
  await target.page().mouse.move(0, 0);
}

async function waitForState(page: Page, state: RegExp): Promise<void> {
  await expect(ui(page)).toHaveAttribute('data-state', state);
}

/**
 * Waits for the table in the machine state given. In hot-seat each turn at the table opens on a
 * hand-over screen (so that neither player sees the other's choices); the tour looks at the first
 * one and passes each with Enter, as the next player would.
 */
async function waitForTable(page: Page, state: RegExp, visit: Visit): Promise<void> {
  await expect.poll(async () => ui(page).getAttribute('data-screen')).toMatch(/^(table|hand-over)$/);
  if ((await ui(page).getAttribute('data-screen')) === 'hand-over') {
    if (!handedOver.has(page)) await visit('hand-over');
    handedOver.add(page);
    await press(page, 'Enter');
  }
  await waitForScreen(page, 'table');
  await waitForState(page, state);
}
const handedOver = new WeakSet<Page>();

/**
 * The guided first game, where the screen shows it: the tour looks at each of its steps (the coach
 * mark moves to the control it explains) and goes on with its Next button to the end.
 */
async function throughGuide(page: Page, stop: 'guide-briefing' | 'guide-table', visit: Visit): Promise<void> {
  const guide = page.locator('.guide');
  for (let step = 0; step < 30 && (await guide.isVisible()); step++) {
    await visit(stop);
    await click(guide.locator('.guide-buttons button.primary'));
  }
  await expect(guide).toBeHidden();
}

/**
 * The risk gauge's breakdown of the last change, opened with G (as hovering or focusing the gauge
 * opens it); then closed again, and focus put back where it was for the tour to go on.
 */
async function withBreakdown(page: Page, stop: 'table-breakdown' | 'round-result-breakdown', visit: Visit): Promise<void> {
  const focused = await page.evaluateHandle(() => document.activeElement);
  await press(page, 'g');
  await expect(page.locator('.gauge-hotspot')).toHaveAttribute('aria-expanded', 'true');
  await visit(stop);
  await press(page, 'g');
  await focused.evaluate((element) => (element as HTMLElement | null)?.focus());
}

/** Leaves the game in progress for the menu (Quit…, Leave), so that the next page load starts on the menu, not in the game. */
async function leaveGame(page: Page): Promise<void> {
  await click(page.getByRole('button', { name: 'Quit…' }));
  await click(page.getByRole('button', { name: 'Leave' }));
  await waitForScreen(page, 'title');
}

/** The menu and the screens it opens that need no game: settings, how to play, the glossary. */
async function menus(page: Page, visit: Visit): Promise<void> {
  await openMenu(page);
  await visit('menu');
  await press(page, 's');
  await waitForScreen(page, 'settings');
  await visit('settings');
  await press(page, 'Escape');
  await waitForScreen(page, 'title');
  await press(page, 'h');
  await waitForScreen(page, 'how-to-play');
  await visit('how-to-play');
  await press(page, 'Escape');
  await waitForScreen(page, 'title');
  await press(page, 'l');
  await waitForScreen(page, 'glossary');
  await visit('glossary');
}

/**
 * A new hot-seat game, from the menu to its first table (through the guide of its briefing): in
 * Geneva, or in the scenario file given, loaded on the picker as an instructor loads one.
 */
export async function toFirstTable(page: Page, visit: Visit, scenario?: ScenarioFile): Promise<void> {
  await openMenu(page);
  await press(page, 'p');
  await waitForScreen(page, 'picker');
  await visit('picker');
  if (scenario) await playScenarioFile(page, scenario);
  else {
    await press(page, '1');
    await waitForScreen(page, 'setup');
  }
  await visit('setup');
  await page.getByLabel(/^Seed/).fill('7');
  await click(page.getByText('Two players, one screen (hot-seat)'));
  await press(page, 'Enter');
  await waitForScreen(page, 'briefing');
  await throughGuide(page, 'guide-briefing', visit);
  await visit('briefing-first');
  await press(page, 'Enter');
  await waitForTable(page, /^proposal@0$/, visit);
}

/** A new hot-seat game through its first round: every mode of the table, the result, the next briefing. */
async function firstRound(page: Page, visit: Visit, scenario?: ScenarioFile): Promise<void> {
  await toFirstTable(page, visit, scenario);
  await throughGuide(page, 'guide-table', visit);
  await visit('table-propose');
  await withBreakdown(page, 'table-breakdown', visit);
  await press(page, 'Enter');
  await waitForTable(page, /^response@0$/, visit);
  // The guide adds a note the first time the table comes back in another stage.
  await throughGuide(page, 'guide-table', visit);
  await visit('table-answer');
  await press(page, 's');
  await visit('table-accept-some');
  await press(page, 'Escape', 'c');
  await visit('table-counter');
  await press(page, 'Escape', 'w');
  await visit('table-walkout');
  await press(page, 'Escape', 'c', 'Enter');
  await waitForTable(page, /^counter@0$/, visit);
  await throughGuide(page, 'guide-table', visit);
  await visit('table-reply');
  await press(page, 's');
  await visit('table-reply-some');
  await press(page, 'Escape', 'r');
  await waitForScreen(page, 'round-result');
  await visit('round-result');
  await withBreakdown(page, 'round-result-breakdown', visit);
  await press(page, 'Enter');
  await waitForScreen(page, 'briefing');
  await waitForState(page, /^briefing@1$/);
  await visit('briefing-later');
  await leaveGame(page);
}

/** Opens Saved games and imports the given session files into it. */
export async function libraryWith(page: Page, files: File[]): Promise<void> {
  await openMenu(page);
  await press(page, 'g');
  await waitForScreen(page, 'library');
  await page.locator('input[type=file]').setInputFiles(files);
  // The games played earlier in the same browser are listed too.
  for (const { name } of files)
    await expect(page.locator('.library-table tbody tr', { hasText: name.replace(/\.json$/, '') })).not.toHaveCount(0);
}

/** Opens the replay of a finished game, from Saved games, a few events in. */
export async function openReplay(page: Page): Promise<void> {
  await libraryWith(page, [FILES.finished]);
  await click(page.getByRole('button', { name: /^replay.*finished/i }));
  await waitForScreen(page, 'replay');
  await page.locator('.game-header h1').focus();
  await press(page, 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight');
  await waitForState(page, /#4$/);
}

/** Saved games with games in it, a share link, the replay, a finished game's debrief (and in print), an incident. */
async function savedGames(page: Page, visit: Visit): Promise<void> {
  await libraryWith(page, [FILES.finished, FILES.incident]);
  await visit('library');
  await click(page.getByRole('button', { name: /share.*finished/i }));
  await expect(page.locator('.share-field')).toBeFocused();
  await visit('share');
  await click(page.getByRole('button', { name: /^replay.*finished/i }));
  await waitForScreen(page, 'replay');
  await press(page, 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight');
  await waitForState(page, /#4$/);
  await visit('replay');
  await press(page, 'Escape');
  await waitForScreen(page, 'library');
  await click(page.getByRole('button', { name: /^open.*finished/i }));
  await waitForScreen(page, 'debrief');
  await visit('debrief');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await visit('debrief-print');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await press(page, 'm');
  await waitForScreen(page, 'title');
  await press(page, 'g');
  await waitForScreen(page, 'library');
  await click(page.getByRole('button', { name: /^continue.*incident/i }));
  await waitForScreen(page, 'round-result');
  await waitForState(page, /^incident@/);
  await visit('incident');
  await leaveGame(page);
}

/** The class view with three students' sessions in it. */
async function classView(page: Page, visit: Visit): Promise<void> {
  await openMenu(page);
  await press(page, 'c');
  await waitForScreen(page, 'class-view');
  // The session files' input (the other one takes a reference scenario).
  await page.locator('input[type=file][multiple]').setInputFiles(FILES.class);
  await expect(page.locator('#ui')).toHaveAttribute('data-sessions', String(FILES.class.length));
  await visit('class-view');
}

export const PARTS = { menus, firstRound, savedGames, classView } as const;
export type Part = keyof typeof PARTS;

/**
 * The whole tour, or the parts named; each part starts from a freshly loaded page. With a scenario
 * file, the new game is played in it (the other parts show their own games).
 */
export async function tour(
  page: Page,
  visit: Visit,
  parts: readonly Part[] = Object.keys(PARTS) as Part[],
  scenario?: ScenarioFile,
): Promise<void> {
  for (const part of parts) await PARTS[part](page, visit, scenario);
}
