/**
 * The layout at 1280×720, 1920×1080 and 1024×768, with the longest labels a scenario may hold:
 * no text spills out of its box or off the window on any screen of a game.
 */
import type { Page } from '@playwright/test';
import { expect, openMenu, press, snap, test, waitForScreen } from './fixtures.ts';

/** Text-bearing blocks whose text spills out of their own box or past a clipping ancestor. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('the page is wider than the window');
    const blocks = ['block', 'flex', 'grid', 'list-item', 'table-cell', 'inline-block', 'inline-flex', '-webkit-box'];
    for (const element of document.querySelectorAll<HTMLElement>('#ui *')) {
      const style = getComputedStyle(element);
      if (!blocks.includes(style.display) || style.visibility === 'hidden' || element.closest('[hidden]')) continue;
      const text = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
      if (!text) continue;
      const truncates = style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
      const label = `${element.tagName.toLowerCase()}.${element.className || '-'} "${element.textContent?.trim().slice(0, 40)}"`;
      if (!truncates && element.scrollWidth > element.clientWidth + 1 && style.overflowX === 'visible')
        problems.push(`spills out of its box: ${label}`);
      const box = element.getBoundingClientRect();
      if (box.width === 0) continue;
      let clip = element.parentElement;
      while (clip && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
      const bounds = clip ? clip.getBoundingClientRect() : { left: 0, right: window.innerWidth };
      if (box.right > bounds.right + 1 || box.left < bounds.left - 1) problems.push(`sticks out sideways: ${label}`);
    }
    return problems;
  });
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
  [1024, 768],
] as const) {
  test(`layout at ${width}×${height} with the longest labels`, async ({ page, consoleErrors }) => {
    await page.setViewportSize({ width, height });
    await openMenu(page);
    expect(await overflowing(page)).toEqual([]);
    await snap(page, `layout-${width}-title`);
    await press(page, 'p');
    await waitForScreen(page, 'picker');
    // Give the bundled scenario the longest names the schema allows (tests only: through the page's debug handle).
    await page.evaluate(() => {
      const long = (what: string) => `${what} `.repeat(20).slice(0, 80).trim();
      type Named = { name: string; shortName: string; label: string; venue: string; positions: Named[] };
      const play = (window as unknown as { redLines: { play: { entries: { scenario: Record<string, Named[]> }[] } } }).redLines.play;
      const scenario = play.entries[0]!.scenario;
      scenario.sides![0]!.shortName = long('Westernmost').slice(0, 16);
      scenario.sides![0]!.name = long('Alliance').slice(0, 60);
      for (const track of scenario.tracks!) {
        track.name = long(track.name).slice(0, 60);
        for (const position of track.positions) position.label = long(position.label);
      }
      for (const move of scenario.postureMoves!) move.name = long(move.name).slice(0, 60);
      for (const round of scenario.rounds!) round.venue = long(round.venue);
    });
    expect(await overflowing(page)).toEqual([]);
    await snap(page, `layout-${width}-picker`);
    await press(page, '1');
    await waitForScreen(page, 'setup');
    expect(await overflowing(page)).toEqual([]);
    await snap(page, `layout-${width}-setup`);
    await page.getByText('Two players, one screen (hot-seat)').click();
    await page.getByRole('button', { name: 'Begin' }).click();
    await waitForScreen(page, 'briefing');
    expect(await overflowing(page)).toEqual([]);
    await snap(page, `layout-${width}-briefing`);
    await press(page, 'Enter');
    await waitForScreen(page, 'table');
    expect(await overflowing(page)).toEqual([]);
    await snap(page, `layout-${width}-table-propose`);
    await page.getByRole('button', { name: 'Table the package' }).click();
    await expect(page.locator('#ui')).toHaveAttribute('data-state', 'response@0');
    await press(page, 'c');
    expect(await overflowing(page)).toEqual([]);
    await snap(page, `layout-${width}-table-counter`);
    await press(page, 'Enter');
    await expect(page.locator('#ui')).toHaveAttribute('data-state', 'counter@0');
    expect(await overflowing(page)).toEqual([]);
    await press(page, 'r');
    await waitForScreen(page, 'round-result');
    expect(await overflowing(page)).toEqual([]);
    await snap(page, `layout-${width}-round-result`);
    expect(consoleErrors).toEqual([]);
  });
}

test('the overflow check itself catches text that spills out', async ({ page }) => {
  await openMenu(page);
  await page.evaluate(() => {
    const box = document.createElement('p');
    box.style.cssText = 'width: 60px; white-space: nowrap;';
    box.textContent = 'A label far too long for its box';
    document.querySelector('#ui section')!.append(box);
  });
  expect(await overflowing(page)).toEqual([expect.stringContaining('spills out of its box: p.- "A label far too long')]);
});
