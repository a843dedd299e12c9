/** Checks of the screen frame's sticky bars, shared by the browser tests of the screens that have them. */
import type { Page } from '@playwright/test';

/** Settings as the game stores them: 150% text, quiet, still. */
export const LARGE_TEXT = JSON.stringify({ volume: 0.7, muted: true, reducedMotion: true, textSize: 150, highContrast: false });

/**
 * What shows through or around the sticky bar of the scroll container `selector`, scrolled to its
 * middle: anything but the bar (or the container's own padding) at points of the bar's band down
 * to the container's bottom edge, across its whole width; and a bar that lets the page show through.
 */
export async function barProblems(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const container = document.querySelector<HTMLElement>(selector)!;
    const bar = container.querySelector<HTMLElement>(':scope > .actions')!;
    container.scrollTop = (container.scrollHeight - container.clientHeight) / 2;
    const problems: string[] = [];
    if (container.scrollHeight <= container.clientHeight) problems.push('the container does not scroll: nothing to check');
    const background = getComputedStyle(bar).backgroundColor;
    if (!/^rgb\(/.test(background)) problems.push(`the bar is not opaque: ${background}`);
    const outer = container.getBoundingClientRect();
    const inner = {
      left: outer.left + container.clientLeft,
      right: outer.left + container.clientLeft + container.clientWidth,
      bottom: outer.top + container.clientTop + container.clientHeight,
    };
    const band = bar.getBoundingClientRect();
    if (Math.abs(band.bottom - inner.bottom) > 1)
      problems.push(`the bar ends ${Math.round(inner.bottom - band.bottom)}px above the container's foot`);
    // Clear of the container's rounded corners, where the window behind it shows.
    const inset = parseFloat(getComputedStyle(container).borderBottomLeftRadius) + 2;
    for (let y = band.top + 2; y < inner.bottom; y += 4) {
      for (const x of [inner.left + inset, (inner.left + inner.right) / 2, inner.right - inset]) {
        const hit = document.elementFromPoint(x, y);
        if (hit && hit !== container && !bar.contains(hit))
          problems.push(
            `at ${Math.round(x)},${Math.round(y)} shows ${hit.tagName.toLowerCase()} "${hit.textContent?.trim().slice(0, 30)}"`,
          );
      }
    }
    return problems;
  }, selector);
}

/**
 * Tabs through the screen and lists every control of the container `selector` that focus left
 * under its sticky bar or above the container's top (a control in the bar itself is fine).
 */
export async function focusUnderBar(page: Page, selector: string, limit = 60): Promise<string[]> {
  const problems: string[] = [];
  for (let stop = 0; stop < limit; stop++) {
    await page.keyboard.press('Tab');
    const { problem, done } = await page.evaluate((selector) => {
      const container = document.querySelector<HTMLElement>(selector)!;
      const bar = container.querySelector<HTMLElement>(':scope > .actions')!;
      const focused = document.activeElement as HTMLElement | null;
      const seen = focused?.dataset.frameSeen === 'yes';
      if (!focused || seen || !container.contains(focused)) return { problem: null, done: seen };
      focused.dataset.frameSeen = 'yes';
      if (bar.contains(focused)) return { problem: null, done: false };
      const box = focused.getBoundingClientRect();
      const top = container.getBoundingClientRect().top + container.clientTop;
      const name = `${focused.tagName.toLowerCase()} "${focused.textContent?.trim().slice(0, 30)}"`;
      if (box.bottom > bar.getBoundingClientRect().top + 1) return { problem: `${name} is under the bar`, done: false };
      if (box.top < top - 1) return { problem: `${name} is above the container's top`, done: false };
      return { problem: null, done: false };
    }, selector);
    if (problem) problems.push(problem);
    if (done) break;
  }
  return problems;
}
