/**
 * The map as drawn, on the briefing and the table, in the first round and a later one, at 1024×768
 * and 1280×720, at 100% and 150% text: each troop marker shows its own share of the side's forces
 * and the description says the total once; the legend is there in words and symbols; countries
 * are named; no label or name covers another, a marker or the map's edge; the text grows with
 * the text setting. What the canvas shows is read from the record of what the map placed, which
 * it writes on the canvas (data-map-layout).
 */
import type { Page } from '@playwright/test';
import { expect, press, snap, test, waitForScreen } from './fixtures.ts';
import { startAgainstPragmatist } from './play-helpers.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface DrawnText extends Box {
  kind: string;
  text: string;
  fontSize: number;
}

interface DrawnMap {
  width: number;
  height: number;
  texts: DrawnText[];
  obstacles: Box[];
  zones: Box[];
  leaders: { x1: number; y1: number; x2: number; y2: number }[];
}

/** The texts the map shows and what its layout keeps them off, in the map's own pixels: the record it writes on the canvas (src/game/map/map-record.ts). */
async function drawnMap(page: Page): Promise<DrawnMap> {
  await page.waitForTimeout(300);
  const canvas = page.locator('#stage canvas');
  await expect(canvas).toHaveAttribute('data-map-layout', /^\{/);
  return JSON.parse((await canvas.getAttribute('data-map-layout'))!) as DrawnMap;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A segment through a box, sampled finely enough for pixels. */
function crosses(line: DrawnMap['leaders'][number], box: Box): boolean {
  for (let t = 0; t <= 1; t += 0.01) {
    const [x, y] = [line.x1 + (line.x2 - line.x1) * t, line.y1 + (line.y2 - line.y1) * t];
    if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) return true;
  }
  return false;
}

/** Every way the drawn labels and names cover each other, a marker, a leader line or the edge. */
function collisions(map: DrawnMap): string[] {
  const problems: string[] = [];
  const words = map.texts.filter((item) => item.kind === 'label' || item.kind === 'country');
  words.forEach((item, i) => {
    const name = `${item.kind} "${item.text.replace('\n', ' / ')}"`;
    if (item.x < 0 || item.y < 0 || item.x + item.width > map.width || item.y + item.height > map.height)
      problems.push(`${name} leaves the map`);
    for (const other of words.slice(i + 1)) if (overlap(item, other)) problems.push(`${name} covers "${other.text.replace('\n', ' / ')}"`);
    for (const box of item.kind === 'label' ? [...map.obstacles, ...map.zones] : map.obstacles)
      if (overlap(item, box)) problems.push(`${name} covers a marker`);
    // A leader line ends on its own label's edge, never inside a text.
    for (const line of map.leaders) if (crosses(line, item)) problems.push(`a leader line crosses ${name}`);
  });
  map.leaders.forEach((line, i) => {
    for (const other of map.leaders.slice(i + 1)) if (linesCross(line, other)) problems.push('two leader lines cross');
  });
  return problems;
}

function linesCross(a: DrawnMap['leaders'][number], b: DrawnMap['leaders'][number]): boolean {
  const side = (s: typeof a, x: number, y: number) => Math.sign((s.x2 - s.x1) * (y - s.y1) - (s.y2 - s.y1) * (x - s.x1));
  return side(a, b.x1, b.y1) * side(a, b.x2, b.y2) < 0 && side(b, a.x1, a.y1) * side(b, a.x2, a.y2) < 0;
}

async function expectSoundMap(page: Page, where: string, textSize: number, names: number): Promise<DrawnMap> {
  // At large text the table's side column scrolls, and the map with it.
  await page.locator('.map-slot').scrollIntoViewIfNeeded();
  const map = await drawnMap(page);
  expect(collisions(map), where).toEqual([]);
  // Russia's forces are split between its two markers, never shown whole on each: the badges show
  // the shares the description gives, and the shares add up to the total it gives once.
  const description = (await page.locator('.map-slot').getAttribute('aria-label')) ?? '';
  const total = Number(description.match(/Russia has (\d+)k troops/)?.[1]);
  // A marker holding all of a side's forces says "all", not the total again.
  const shares = [...description.matchAll(/: (all|\d+k) of Russia's troops/g)].map((match) =>
    match[1] === 'all' ? total : parseInt(match[1]!, 10),
  );
  expect(description.match(new RegExp(`\\b${total}k`, 'g')), where).toHaveLength(1);
  expect(Math.abs(shares.reduce((sum, share) => sum + share, 0) - total), where).toBeLessThanOrEqual(1);
  const badges = map.texts.filter((item) => item.kind === 'badge').map((item) => item.text);
  // Russia's markers and the US flank's (badges are drawn in no particular order: a marker shown from a later round comes last).
  expect(badges, where).toHaveLength(shares.length + 1);
  for (const share of shares) expect(badges, where).toContain(`${share}k`);
  // Text follows the text setting: at least 11 px at 100%, half as large again at 150%.
  for (const item of map.texts.filter((text) => text.kind === 'label'))
    expect(item.fontSize, where).toBeGreaterThanOrEqual((11 * textSize) / 100);
  const named = map.texts.filter((item) => item.kind === 'country').map((item) => item.text);
  expect(named, where).toContain('RUSSIA');
  expect(named.length, where).toBeGreaterThanOrEqual(names);
  return map;
}

async function expectLegend(page: Page): Promise<void> {
  const legend = page.locator('figure.map .map-legend');
  await expect(legend).toBeVisible();
  await expect(legend.locator('li')).toHaveText([
    'United States / NATO',
    'Russia',
    'Contested',
    'Troops (k = thousand)',
    'Missile site',
    'Exercise zone',
    'Agreed at the table',
  ]);
  // Each entry is drawn with a symbol, not told by a colour swatch alone.
  for (const item of await legend.locator('li').all()) expect(await item.locator('svg > *').count()).toBeGreaterThan(0);
  await expect(legend.locator('li[data-symbol="hatch"] svg line').first()).toBeAttached();
  await expect(legend.locator('li[data-symbol="triangle"] svg polygon')).toHaveCount(3);
}

/** Plays on (rejecting every proposal, tabling every package) until the briefing of the given round. */
async function playToBriefing(page: Page, round: number): Promise<void> {
  for (let step = 0; step < 60; step++) {
    const screen = await page.locator('#ui').getAttribute('data-screen');
    const heading = (await page.locator('.game-header h1').textContent()) ?? '';
    if (screen === 'briefing' && heading.startsWith(`Round ${round} `)) return;
    const before = `${screen}|${await page.locator('#ui').getAttribute('data-state')}`;
    if (screen === 'table') await press(page, (await page.locator('.banner strong').textContent())?.includes('propose') ? 'Enter' : 'r');
    else await press(page, 'Enter');
    await expect
      .poll(async () => `${await page.locator('#ui').getAttribute('data-screen')}|${await page.locator('#ui').getAttribute('data-state')}`)
      .not.toBe(before);
  }
  throw new Error(`no briefing of round ${round}`);
}

for (const { width, height, textSize } of [
  { width: 1024, height: 768, textSize: 100 },
  { width: 1280, height: 720, textSize: 150 },
]) {
  test(`the map at ${width}×${height}, ${textSize}% text: shares, legend, names, no overlaps, in rounds 1 and 4`, async ({
    page,
    consoleErrors,
  }) => {
    const where = `${width}-${textSize}`;
    await page.addInitScript(
      (size) =>
        localStorage.setItem(
          'red-lines:settings',
          JSON.stringify({ volume: 0.7, muted: true, reducedMotion: true, textSize: size, highContrast: false }),
        ),
      textSize,
    );
    await page.setViewportSize({ width, height });
    await startAgainstPragmatist(page, 4);

    // The description gives Russia's total once and each marker its share of it.
    const description = (await page.locator('.map-slot').getAttribute('aria-label')) ?? '';
    expect(description).toContain("Russia has 100k troops near Ukraine's borders, as when the talks opened.");
    // On 10 January the build-up is along Ukraine's border; Russian troops reach Belarus later in January.
    expect(description).toContain("Forces on Ukraine's border: all of Russia's troops.");
    expect(description).not.toContain('Forces in Belarus');
    await expectLegend(page);
    const briefing = await expectSoundMap(page, `${where} briefing round 1`, textSize, 5);
    expect(
      briefing.texts
        .filter((item) => item.kind === 'badge')
        .map((item) => item.text)
        .sort(),
    ).toEqual(['100k', '40k']);
    await snap(page, `map-${where}-briefing-1`);

    await press(page, 'Enter');
    await waitForScreen(page, 'table');
    await expectLegend(page);
    await expectSoundMap(page, `${where} table round 1`, textSize, 1);
    await snap(page, `map-${where}-table-1`);

    // Round 4 (26 January): troops in Belarus too, a fifth of Russia's forces.
    await playToBriefing(page, 4);
    expect((await page.locator('.map-slot').getAttribute('aria-label')) ?? '').toMatch(/Forces in Belarus: \d+k of Russia's troops\./);
    await expectSoundMap(page, `${where} briefing round 4`, textSize, 5);
    await snap(page, `map-${where}-briefing-4`);
    await press(page, 'Enter');
    await waitForScreen(page, 'table');
    await expectSoundMap(page, `${where} table round 4`, textSize, 1);
    await snap(page, `map-${where}-table-4`);
    expect(consoleErrors).toEqual([]);
  });
}
