/**
 * A scenario outside Europe: Cuba 1962 shows its region, from the Gulf of Mexico to the Jupiter
 * sites in Italy and Turkey, at 1280×800, 1024×768 and 150% text, with every marker of the round
 * placed on the map; the world's countries are fetched when the map is first shown, not at start.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';

const CUBA = readFileSync(new URL('../../scenarios/cuba-1962.json', import.meta.url), 'utf8');
const { meta, map: cubaMap } = JSON.parse(CUBA) as { meta: { title: string }; map: { markers: { id: string; from?: string }[] } };
const markers = cubaMap.markers;

interface Placed {
  width: number;
  height: number;
  markers: { id: string; x: number; y: number }[];
  labels: string[];
}

/** Where the drawn map placed its markers and which labels it placed, or null before it is drawn: the record it writes on the canvas (src/game/map/map-record.ts). */
async function placedMap(page: Page): Promise<Placed | null> {
  const record = await page.locator('#stage canvas').getAttribute('data-map-layout');
  if (!record) return null;
  const { width, height, markers, texts } = JSON.parse(record) as Omit<Placed, 'labels'> & { texts: { kind: string; id: string }[] };
  return { width, height, markers, labels: texts.filter((text) => text.kind === 'label').map((text) => text.id) };
}

for (const { width, height, textSize } of [
  { width: 1280, height: 800, textSize: 100 },
  { width: 1024, height: 768, textSize: 100 },
  { width: 1280, height: 800, textSize: 150 },
]) {
  test(`Cuba 1962 at ${width}×${height}, ${textSize}% text: the map frames the Caribbean and the Jupiter sites`, async ({
    page,
    consoleErrors,
  }) => {
    await page.addInitScript(
      (size) =>
        localStorage.setItem(
          'red-lines:settings',
          JSON.stringify({ volume: 0.7, muted: true, reducedMotion: true, textSize: size, highContrast: false }),
        ),
      textSize,
    );
    await page.setViewportSize({ width, height });
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (/\/world-[\w-]+\.json$/.test(request.url())) fetched.push(request.url());
    });
    await openMenu(page);
    await press(page, 'p');
    await waitForScreen(page, 'picker');
    // The title screen and the picker do without the map's data.
    expect(fetched).toEqual([]);
    await page
      .locator('.scenario-card:not(.loaded)')
      .getByRole('button', { name: `Play “${meta.title}”` })
      .click();
    await waitForScreen(page, 'setup');
    await page.getByRole('button', { name: 'Begin' }).click();
    await waitForScreen(page, 'briefing');

    // The countries arrive by fetch: the map is drawn once they have.
    await expect.poll(() => placedMap(page)).not.toBeNull();
    const map = (await placedMap(page))!;
    expect(fetched).toHaveLength(1);

    // Every marker of the first round is on the map, inside it.
    const shown = markers.filter((marker) => marker.from === undefined).map((marker) => marker.id);
    expect(map.markers.map((marker) => marker.id).sort()).toEqual([...shown].sort());
    for (const marker of map.markers) {
      expect(marker.x, marker.id).toBeGreaterThan(0);
      expect(marker.x, marker.id).toBeLessThan(map.width);
      expect(marker.y, marker.id).toBeGreaterThan(0);
      expect(marker.y, marker.id).toBeLessThan(map.height);
    }
    // West to east: Cuba, then Italy, then Turkey; Florida north of Cuba.
    const at = (id: string) => map.markers.find((marker) => marker.id === id)!;
    expect(at('mrbm-sites').x).toBeLessThan(at('jupiters-italy').x);
    expect(at('jupiters-italy').x).toBeLessThan(at('jupiters-turkey').x);
    expect(at('florida-forces').y).toBeLessThan(at('mrbm-sites').y);
    // The Jupiter sites, at the far end of the crisis, are named on the map.
    expect(map.labels).toEqual(expect.arrayContaining(['jupiters-italy', 'jupiters-turkey']));
    await expect(page.locator('.map-slot')).toHaveAttribute('aria-label', /^Map\. /);
    await snap(page, `map-world-cuba-${width}-${textSize}-briefing`);

    await press(page, 'Enter');
    await waitForScreen(page, 'table');
    await page.locator('.map-slot').scrollIntoViewIfNeeded();
    await snap(page, `map-world-cuba-${width}-${textSize}-table`);
    expect(consoleErrors).toEqual([]);
  });
}
