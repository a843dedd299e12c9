/**
 * The class view: many session files side by side, an altered one refused, the same game loaded
 * twice counted once, the CSV export, and a replay from the table; the students' names; a persona
 * kept hidden in a game still in progress; each game's scenario checked against a reference the
 * instructor chooses; each curve linked to its row (hover and keyboard); the Replay buttons whole
 * at 1024×768 and at 150% text.
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

/**
 * A student's session file: a whole game, or its first `events` events (a game in progress), named
 * for its player if given, played on Geneva or on an edited copy of it (`scenarioText`).
 */
function sessionFile(
  name: string,
  seed: number,
  policy: PolicyName,
  persona: string,
  events?: number,
  player?: string,
  scenarioText = text,
) {
  const scenario = loadScenarioText(scenarioText);
  if (!scenario.ok) throw new Error('the scenario does not load');
  const setup = { seed, playerSide: 'us', opponent: { kind: 'ai' as const, persona } };
  const played = playGame(scenario.value, setup, { us: policy }).events.slice(0, events);
  const session = recordSession(scenario.value, JSON.parse(scenarioText), setup, played, {
    name: scenario.value.meta.title,
    players: player ? { us: player } : {},
    savedAt: '2026-11-30T10:00:00.000Z',
  });
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(session)) };
}

/** Geneva with a scoring weight changed: a scenario a forger might have played and sealed again. */
const easierText = (() => {
  const doc = JSON.parse(text) as { scoring: { standingWeight: number } };
  doc.scoring.standingWeight = 0.9;
  return JSON.stringify(doc);
})();

const sessionInput = (page: Page) => page.locator('input[type=file][multiple]');

async function loadClass(page: Page, files: ReturnType<typeof sessionFile>[], loaded: number): Promise<void> {
  await openMenu(page);
  await press(page, 'c');
  await waitForScreen(page, 'class-view');
  await sessionInput(page).setInputFiles(files);
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
  // Each row is named after its game (scenario, side, player, day), its file beneath.
  await expect(rows.locator('th .line.quiet')).toHaveText(['alice.json', 'bob.json', 'chloe.json']);
  // One scenario for the class: named once, above the table; the rows name side, players and day.
  await expect(page.locator('.class-table caption')).toHaveText('Scenario: Geneva 2022 — the January talks, as they happened');
  await expect(rows.first().locator('th .line').first()).toHaveText('US/NATO, 2026-11-30');
  await expect(page.locator('.problems-panel')).toContainText('dan.json: seed: does not match the seal');
  await expect(page.locator('.distribution li')).not.toHaveCount(0);
  await snap(page, 'class-view');

  const download = page.waitForEvent('download');
  await press(page, 'e');
  const csv = readFileSync(await (await download).path(), 'utf8').split('\r\n');
  expect(csv[0]).toBe('game,file,players,scenario,side,opponent,outcome,final risk,player score,other score,rounds');
  expect(csv.slice(1, 4).map((line) => /,(\w+\.json),/.exec(line)?.[1])).toEqual(['alice.json', 'bob.json', 'chloe.json']);

  await rows
    .first()
    .getByRole('button', { name: /^Replay game 1, / })
    .click();
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
  await expect(rows.nth(0).locator('th .line').first()).toHaveText('US/NATO, Alice Martin, 2026-11-30');
  await expect(rows.nth(0)).toContainText('AI: Russia, The Pragmatist');
  await expect(rows.nth(1).locator('th .line').first()).toHaveText('US/NATO, Bob, 2026-11-30');
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

test('the same game loaded twice counts once, and a game is named after itself, not its file', async ({ page, consoleErrors }) => {
  const alice = sessionFile('download.json', 1, 'dove', 'ru-pragmatist', undefined, 'Alice');
  await loadClass(page, [alice, { ...alice, name: 'download (1).json' }], 1);
  const rows = page.locator('.class-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('th')).toContainText('US/NATO, Alice, 2026-11-30');
  await expect(page.locator('.problems-panel')).toContainText('download (1).json: already loaded, the same game as download.json');
  // Loading it once more later changes nothing either.
  await sessionInput(page).setInputFiles([alice]);
  await expect(page.locator('.problems-panel li')).toHaveCount(2);
  // A file that is not UTF-8 is refused with the place of its first bad byte, as saved games refuse it.
  await sessionInput(page).setInputFiles([
    { name: 'latin1.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]) },
  ]);
  await expect(page.locator('.problems-panel')).toContainText('latin1.json: (document): the file is not UTF-8 text: byte 2 (0xE9)');
  await expect(rows).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

test('each game’s scenario is checked against the reference the instructor chooses', async ({ page, consoleErrors }) => {
  await loadClass(
    page,
    [
      sessionFile('alice.json', 1, 'dove', 'ru-pragmatist'),
      sessionFile('mallory.json', 2, 'hawk', 'ru-hardliner', undefined, undefined, easierText),
    ],
    2,
  );
  const rows = page.locator('.class-table tbody tr');
  const reference = page.getByLabel('Compare each game’s scenario with');
  // By default, the bundled scenario of the same id: Alice's matches, Mallory's does not, and says where.
  await expect(reference).toHaveValue('same-id');
  await expect(rows.nth(0).locator('.scenario-check')).toHaveText('✓ matches');
  await expect(rows.nth(1)).toHaveClass(/differs/);
  await expect(rows.nth(1).locator('.scenario-check')).toContainText('⚠ differs');
  await expect(rows.nth(1).locator('.differences li')).toHaveText(['scoring.standingWeight: 0.9 in the file, 0.3 in the reference']);
  await snap(page, 'class-view-reference');

  // Another bundled scenario as the reference: both differ.
  await reference.selectOption('bundled:1');
  await expect(page.locator('.class-table tbody tr.differs')).toHaveCount(2);

  // A scenario file as the reference: now Mallory's matches and Alice's differs.
  await page
    .locator('input[type=file]:not([multiple])')
    .setInputFiles({ name: 'easier.json', mimeType: 'application/json', buffer: Buffer.from(easierText) });
  await expect(reference).toHaveValue('file');
  await expect(rows.nth(1).locator('.scenario-check')).toHaveText('✓ matches');
  await expect(rows.nth(0).locator('.differences li')).toHaveText(['scoring.standingWeight: 0.3 in the file, 0.9 in the reference']);
  expect(await axeFindings(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('each curve is linked to its row: hover or focus one, the other is highlighted; Enter on a curve goes to its row', async ({
  page,
  consoleErrors,
}) => {
  await loadClass(
    page,
    [
      sessionFile('alice.json', 1, 'dove', 'ru-pragmatist'),
      sessionFile('bob.json', 2, 'hawk', 'ru-hardliner'),
      sessionFile('chloe.json', 3, 'greedy', 'ru-bluffer'),
    ],
    3,
  );
  const rows = page.locator('.class-table tbody tr');
  const curves = page.locator('.class-chart-svg .curve');
  await expect(curves).toHaveCount(3);
  // Each curve has its own colour and dash or marker, and its number, as its row's key shows.
  const strokes = await curves
    .locator('.line')
    .evaluateAll((lines) => lines.map((line) => `${line.getAttribute('stroke')}|${line.getAttribute('stroke-dasharray')}`));
  expect(new Set(strokes).size).toBe(3);
  await expect(curves.locator('.curve-number')).toHaveText(['1', '2', '3']);
  await expect(rows.locator('.game-key')).toHaveText(['1', '2', '3']);

  await rows.nth(1).hover();
  await expect(curves.nth(1)).toHaveClass(/highlighted/);
  await expect(page.locator('.class-chart-svg')).toHaveClass(/has-highlight/);
  await expect(curves.nth(0)).not.toHaveClass(/highlighted/);

  await page.mouse.move(0, 0);
  await curves.nth(2).focus();
  await expect(rows.nth(2)).toHaveClass(/highlighted/);
  await expect(rows.nth(1)).not.toHaveClass(/highlighted/);
  await expect(curves.nth(2)).toHaveAccessibleName(/^3: Geneva 2022 .*, final risk \d+\.\d$/);
  await page.keyboard.press('Enter');
  await expect(rows.nth(2).getByRole('button', { name: /^Replay game 3, / })).toBeFocused();
  await expect(rows.nth(2)).toHaveClass(/highlighted/);
  expect(consoleErrors).toEqual([]);
});

/** Twelve students' games: every policy against the personas, two unfinished, one on an edited scenario. */
function aClassOfTwelve() {
  const policies: PolicyName[] = ['dove', 'hawk', 'greedy', 'reciprocal', 'random'];
  const personas = ['ru-pragmatist', 'ru-hardliner', 'ru-bluffer'];
  const names = ['Alice', 'Bob', 'Chloé', 'Dmitri', 'Eun-ji', 'Farah', 'Gabriel', 'Hana', 'Ivan', 'Jules', 'Kofi', 'Lena'];
  return names.map((player, i) =>
    sessionFile(
      `${player.toLowerCase()}.json`,
      i + 1,
      policies[i % policies.length]!,
      personas[i % personas.length]!,
      i === 4 || i === 9 ? 5 : undefined,
      player,
      i === 7 ? easierText : text,
    ),
  );
}

for (const [width, height, size] of [
  [1280, 800, 100],
  [1024, 768, 100],
  [1280, 800, 150],
] as const) {
  test(`a class of twelve at ${width}×${height} and ${size}% text`, async ({ page, consoleErrors }) => {
    await page.addInitScript(
      (value) =>
        localStorage.setItem(
          'red-lines:settings',
          JSON.stringify({ volume: 0.7, muted: true, reducedMotion: true, textSize: value, highContrast: false }),
        ),
      size,
    );
    await page.setViewportSize({ width, height });
    await loadClass(page, aClassOfTwelve(), 12);
    await expect(page.locator('.class-chart-svg .curve')).toHaveCount(12);
    const side = page.locator('.class-side');
    expect(await side.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1);
    await snap(page, `class-view-twelve-${width}-${size}`);
    await page.locator('.class-table tbody tr').nth(7).hover();
    await snap(page, `class-view-twelve-${width}-${size}-highlight`);
    expect(await axeFindings(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test('a session file of format 3 (before the seal) loads, and its row says what its check covers', async ({ page, consoleErrors }) => {
  const v3 = readFileSync(new URL('../fixtures/session-format-3.json', import.meta.url));
  await loadClass(
    page,
    [{ name: 'old.json', mimeType: 'application/json', buffer: v3 }, sessionFile('new.json', 1, 'dove', 'ru-pragmatist')],
    2,
  );
  const rows = page.locator('.class-table tbody tr');
  await expect(rows.nth(0).locator('.scenario-check')).toContainText('format 3: only the moves and states are checked');
  await expect(rows.nth(1).locator('.scenario-check')).not.toContainText('format');
  expect(consoleErrors).toEqual([]);
});

test('games of two scenarios: each is checked against the bundled scenario of its own id, named on its row', async ({
  page,
  consoleErrors,
}) => {
  const counterfactual = readFileSync(new URL('../../scenarios/counterfactual-2022.json', import.meta.url), 'utf8');
  await loadClass(
    page,
    [
      sessionFile('alice.json', 1, 'dove', 'ru-pragmatist'),
      sessionFile('bob.json', 2, 'dove', 'ru-pragmatist', undefined, 'Bob', counterfactual),
    ],
    2,
  );
  const rows = page.locator('.class-table tbody tr');
  await expect(rows.nth(0).locator('.scenario-check')).toHaveText('✓ matches bundled geneva-2022');
  await expect(rows.nth(1).locator('.scenario-check')).toHaveText('✓ matches bundled counterfactual-2022');
  // With two scenarios, each row's name says which.
  await expect(rows.nth(1).locator('th .line').first()).toContainText('— US/NATO, Bob, 2026-11-30');
  expect(consoleErrors).toEqual([]);
});
