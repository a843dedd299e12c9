/**
 * Shared pieces of the browser tests: every test fails on any console error or uncaught
 * exception, and saves a screenshot of every screen it passes (test-results/screens/).
 */
import { appendFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';

export const SCREENS_DIR = 'test-results/screens';

/** Console messages that are the headless software renderer talking, not the game. */
const BENIGN = [/GL Driver Message/, /GPU stall due to ReadPixels/];

export const test = base.extend<{ consoleErrors: string[]; firstGameGuide: boolean }>({
  // The guided first game shows once per browser: tests play with it seen, unless they ask for it.
  firstGameGuide: [false, { option: true }],
  context: async ({ context, firstGameGuide }, use) => {
    if (!firstGameGuide) await context.addInitScript(() => localStorage.setItem('red-lines:guide', '{"seen":true}'));
    await use(context);
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !BENIGN.some((pattern) => pattern.test(message.text()))) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
});

export { expect };

/** The screen the DOM layer shows now (the active scene's key). */
export async function screenOf(page: Page): Promise<string> {
  return (await page.locator('#ui').getAttribute('data-screen')) ?? '';
}

export async function waitForScreen(page: Page, screen: string): Promise<void> {
  await expect(page.locator('#ui')).toHaveAttribute('data-screen', screen);
}

/** Saves a screenshot after the canvas has caught up (the gauge needle sweeps for under a second). */
export async function snap(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(1100);
  await page.screenshot({ path: `${SCREENS_DIR}/${name}.png` });
}

export async function openMenu(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.locator('#ui')).toHaveAttribute('data-ready', 'menu', { timeout: 20_000 });
}

/** Presses keys one by one with a pause, as a person would (and as Phaser's input needs). */
export async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await page.keyboard.press(key);
    await page.waitForTimeout(60);
  }
}

/**
 * Notes what a check found on a screen, one JSON line per finding, in the file E2E_FINDINGS names
 * (when it names one): the accessibility, focus and layout checks report there, screen by screen,
 * besides failing.
 */
export function recordFindings(check: string, screen: string, findings: readonly string[]): void {
  const path = process.env.E2E_FINDINGS;
  if (!path) return;
  const lines = findings.map((finding) => `${JSON.stringify({ check, screen, finding })}\n`).join('');
  appendFileSync(path, lines || `${JSON.stringify({ check, screen, finding: null })}\n`);
}
