/**
 * axe-core on the DOM layer (#ui) of the screen shown: WCAG 2.1 A and AA, axe's best practices, and
 * its experimental rules too — among them label-content-name-mismatch (a control's name must hold
 * the words it shows), which axe leaves out unless asked.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice', 'experimental'];

/** Every violation, as "rule: target" lines. */
export async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#ui').withTags(TAGS).analyze();
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}
