/**
 * axe-core on every screen of the game (WCAG 2.1 A and AA, and axe's best practices), inside the
 * DOM layer #ui: no violation anywhere. Each part of the tour is its own test; every screen's
 * violations are listed (rule, target, screen) before the test fails, so one run shows them all.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, recordFindings, test } from './fixtures.ts';
import { PARTS, toFirstTable, tour, type Part, type Stop } from './tour.ts';

// The tour meets the guided first game as a new player does.
test.use({ firstGameGuide: true });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice', 'experimental'];

/** Every violation axe finds in #ui, as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#ui').withTags(TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${violation.help})`),
  );
}

for (const part of Object.keys(PARTS) as Part[]) {
  test(`axe finds no violation on any screen of the tour: ${part}`, async ({ page, consoleErrors }) => {
    const found: Partial<Record<Stop, string[]>> = {};
    await tour(
      page,
      async (stop) => {
        found[stop] = await axeViolations(page);
        recordFindings('axe', stop, found[stop]);
      },
      [part],
    );
    for (const [stop, violations] of Object.entries(found)) expect.soft(violations, `axe on ${stop}`).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test('the guided first round: shown on the briefing and the first table of a new game, and axe finds nothing there', async ({
  page,
  consoleErrors,
}) => {
  const steps: string[] = [];
  await toFirstTable(page, async (stop) => {
    if (stop === 'guide-briefing') steps.push(...(await axeViolations(page)), stop);
  });
  expect(steps, 'the guide on the first briefing, each step without violations').toContain('guide-briefing');
  expect(steps.filter((step) => step !== 'guide-briefing')).toEqual([]);
  await expect(page.locator('.guide'), 'the guided first round (.guide) on the first table').toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the check itself catches a violation', async ({ page }) => {
  await tour(
    page,
    async (stop) => {
      if (stop !== 'menu') return;
      await page.evaluate(() => {
        const image = document.createElement('img');
        image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        document.querySelector('#ui section')!.append(image);
      });
      expect(await axeViolations(page)).toEqual([expect.stringMatching(/^image-alt: /)]);
    },
    ['menus'],
  );
});
