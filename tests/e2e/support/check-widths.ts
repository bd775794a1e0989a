import { expect, type Page, type TestInfo } from '@playwright/test';
import { expectAccessible } from './expect-accessible';

/** A phone (iPhone 12–15 class) and a laptop. */
export const WIDTHS = [390, 1280] as const;

/**
 * The current page at each width: no horizontal scroll (the document is no wider than the
 * window), no serious or critical axe violation, and a full-page screenshot attached to the run
 * for people to look at (not compared against a baseline).
 */
export async function checkAtWidths(
  page: Page,
  testInfo: TestInfo,
  name: string,
  opts: { axe?: boolean; widths?: readonly number[] } = {},
): Promise<void> {
  for (const width of opts.widths ?? WIDTHS) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    await testInfo.attach(`${name} at ${width}px`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });
    expect(scrollWidth, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(innerWidth);
    if (opts.axe !== false) await expectAccessible(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
