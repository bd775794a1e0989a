import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/expect-accessible';

/**
 * The pages anyone can open without signing in: each renders, carries the security headers, and
 * axe finds no serious or critical accessibility violation on it. (Signed-in pages are checked
 * inside their journeys: dashboard-staff and connect-journeys.)
 */
const pages: Array<{ path: string; heading: RegExp }> = [
  { path: '/', heading: /Partner Portal/ },
  { path: '/connect', heading: /Connect your Partner Center tenant/ },
  { path: '/signin', heading: /Sign in/ },
  { path: '/connect/error?code=state_expired', heading: /./ },
];

for (const { path, heading } of pages) {
  test(`${path} is accessible and sends the security headers`, async ({ page }) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res?.headers()['x-content-type-options']).toBe('nosniff');
    await expectAccessible(page);
  });
}

test('an unknown page is a 404 page, not an error', async ({ page }) => {
  const res = await page.goto('/no-such-page');
  expect(res?.status()).toBe(404);
  await expectAccessible(page);
});
