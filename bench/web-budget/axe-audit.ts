import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
export type Impact = (typeof IMPACTS)[number];

export interface AxeViolation {
  readonly id: string;
  readonly impact: Impact;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * axe-core (WCAG 2.x A and AA, and 2.2 AA: the rules the browser tests hold every page to) on `url` in this
 * tab at a phone's width, once the page's heading is up and the network is quiet.
 */
export async function axeAtWidth(
  page: Page,
  url: string,
  heading: string,
  width: number,
): Promise<AxeViolation[]> {
  await page.setViewportSize({ width, height: 740 });
  await page.goto(url);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: (v.impact ?? 'minor') as Impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}
