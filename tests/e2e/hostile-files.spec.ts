/**
 * Hostile scenario files in the browser: a 1 MiB YAML key bomb, refused or checked in a worker
 * while the page stays responsive (no task of the page's own thread over 200 ms, measured by a
 * PerformanceObserver of long tasks), and a title of terminal escape codes and HTML shown as text.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { MAX_YAML_ENTRIES } from '../../src/engine/scenario/formats.ts';
import { YAML_SHAPES } from '../fixtures/hostile-yaml.ts';
import { GENEVA_TEXT } from '../helpers.ts';
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';

async function openPicker(page: Page): Promise<void> {
  await openMenu(page);
  await press(page, 'p');
  await waitForScreen(page, 'picker');
}

/** Starts recording the page's long tasks (over 50 ms); returns a function that reads their durations. */
async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const durations: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.slice());
}

const yamlFile = (name: string, text: string) => ({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });

/**
 * A generated file written to the test's output folder, to be chosen by its path: Playwright
 * hands a buffer to the page by decoding it on the page's own thread (440 ms for 1 MiB, a long
 * task of the test's making), and a path through the browser, as a person's choice would be.
 */
function generatedFile(name: string, text: string): string {
  const path = test.info().outputPath(name);
  writeFileSync(path, text);
  return path;
}

test('a 1 MiB YAML key bomb is refused, and one just under the bound is checked, without freezing the page', async ({
  page,
  consoleErrors,
}) => {
  await openPicker(page);
  const cards = page.locator('.scenario-card');
  const before = await cards.count();
  const panel = page.locator('.problems-panel');

  for (const [index, [shape, expected]] of (
    [
      [
        'many keys in one mapping',
        `(document): the file has 105,403 lines and flow entries ([ ], { }); scenarios may have at most ${MAX_YAML_ENTRIES.toLocaleString('en')}`,
      ],
      ['many keys in one mapping, just under the bound', /unknown keys? "k0"/],
      ['many keys with long names, just under the bound', /unknown keys? "k{20}0"/],
    ] as const
  ).entries()) {
    const text = YAML_SHAPES[shape]!();
    const longTasks = await watchLongTasks(page);
    const started = Date.now();
    const name = `bomb-${index}.yaml`;
    await page.locator('input[type=file]').setInputFiles(generatedFile(name, text));
    await expect(panel.locator('h2')).toHaveText(new RegExp(`^${name} could not be loaded`), { timeout: 30_000 });
    await expect(panel.locator('.problem-list')).toContainText(expected);
    const elapsed = Date.now() - started;
    // The page answers while the worker works: a click's worth of script runs at once.
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    const tasks = await longTasks();
    test.info().annotations.push({
      type: 'timing',
      description: `${shape} (${(text.length / 1024).toFixed(0)} KiB): answered in ${elapsed} ms; long tasks ${JSON.stringify(tasks)} ms`,
    });
    expect(
      tasks.filter((duration) => duration > 200),
      `${shape}: long tasks of the page ${JSON.stringify(tasks)}`,
    ).toEqual([]);
    await expect(cards).toHaveCount(before);
    await snap(page, `hostile-key-bomb-${index}`);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  expect(consoleErrors).toEqual([]);
});

test('invalid UTF-8, picked or dropped, and an unknown YAML tag are refused with their place', async ({ page, consoleErrors }) => {
  await openPicker(page);
  const panel = page.locator('.problems-panel');
  await page.locator('input[type=file]').setInputFiles({
    name: 'latin1.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from([0x6d, 0x65, 0x74, 0x61, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
  });
  await expect(panel.locator('.problem-list li')).toHaveText([
    '(document): the file is not UTF-8 text: byte 9 (0xE9) cannot start or continue a character; save the file as UTF-8',
  ]);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  // Dropped on the screen, the same bytes take the same way.
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array([0x61, 0x3a, 0x20, 0xc3, 0x28])], 'dropped.yaml'));
    document.querySelector('#ui')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await expect(panel.locator('h2')).toHaveText(/^dropped\.yaml could not be loaded/);
  await expect(panel.locator('.problem-list li')).toHaveText([
    '(document): the file is not UTF-8 text: byte 3 (0xC3) cannot start or continue a character; save the file as UTF-8',
  ]);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.locator('input[type=file]').setInputFiles(yamlFile('tag.yaml', 'meta: !!js/function "function () {}"\n'));
  await expect(panel.locator('.problem-list li')).toHaveText([
    '(document): invalid YAML at line 1, column 7: unknown tag !!js/function (scenarios use plain values only)',
  ]);
  expect(consoleErrors).toEqual([]);
});

test('a title of HTML is shown as text; one of terminal escape codes or direction overrides is refused', async ({
  page,
  consoleErrors,
}) => {
  await openPicker(page);
  const title = '<b>bold</b><img src=x onerror="document.body.dataset.hacked=1"> Geneva';
  const doc = JSON.parse(GENEVA_TEXT) as { meta: { title: string } };
  doc.meta.title = title;
  const input = page.locator('input[type=file]');
  await input.setInputFiles({ name: 'html.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  const heading = page.locator('.scenario-card.loaded h2');
  await expect(heading).toHaveCount(1);
  expect(await heading.evaluate((element) => element.textContent)).toBe(title);
  await expect(page.locator('.scenario-card.loaded h2 b, .scenario-card.loaded h2 img')).toHaveCount(0);
  expect(await page.evaluate(() => document.body.dataset.hacked ?? null)).toBeNull();
  await snap(page, 'hostile-html-title');

  // ESC would clear a terminal; U+202E would turn "Play “…”" around on the button.
  doc.meta.title = '\u001b[2J\u001b[32mverified\u001b[0m \u202eGeneva';
  await input.setInputFiles({ name: 'escapes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.locator('.problems-panel .problem-list li')).toHaveText([
    'meta.title: expected text without control characters or direction overrides (such as ESC or U+202E)',
  ]);
  expect(consoleErrors).toEqual([]);
});

test('a session file that is not UTF-8 is refused from saved games with the offset of its first bad byte', async ({
  page,
  consoleErrors,
}) => {
  await openMenu(page);
  await press(page, 'g');
  await waitForScreen(page, 'library');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'latin1.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]) });
  await expect(page.locator('.problems-panel')).toContainText(
    'the file is not UTF-8 text: byte 2 (0xE9) cannot start or continue a character; save the file as UTF-8',
  );
  expect(consoleErrors).toEqual([]);
});
