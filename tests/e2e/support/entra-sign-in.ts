import { expect, type Page } from '@playwright/test';
import type { Manifest } from '../../support/manifest';
import { totpNow } from '../../support/totp';

type User = Manifest['tenants'][number]['users'][number];

/**
 * Completes the emulated Entra sign-in in the browser, as a person would: email and password,
 * then the TOTP code from the user's authenticator secret (or the approve button), then the
 * consent page if one appears. Returns when the browser has left Entra's pages.
 */
export async function signInOnEntra(
  page: Page,
  user: User,
  opts: { consent?: 'accept' | 'accept-for-organization' | 'decline' } = {},
): Promise<void> {
  await expect(page.locator('#login')).toBeVisible();
  const entraOrigin = new URL(page.url()).origin;
  await page.fill('#login', user.upn);
  await page.fill('#passwd', user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  if (user.mfa === 'totp') {
    await expect(page.locator('#otc')).toBeVisible();
    await page.fill('#otc', totpNow(user.totpSecret!));
    await page.getByRole('button', { name: 'Verify' }).click();
  } else if (user.mfa === 'approve') {
    await page.getByRole('button', { name: /Approve/ }).click();
  }

  // A consent page, or straight back to the portal.
  await page
    .waitForURL((url) => url.origin !== entraOrigin || url.pathname.endsWith('/consent'), {
      timeout: 15_000,
      waitUntil: 'commit',
    })
    .catch(() => undefined);
  if (
    new URL(page.url()).origin === entraOrigin &&
    (await page.locator('button[name="accept"]').count()) > 0
  ) {
    if (opts.consent === 'accept-for-organization') await page.check('#consent_org');
    await page
      .locator(`button[name="accept"][value="${opts.consent === 'decline' ? 'no' : 'yes'}"]`)
      .click();
  }
  await page.waitForURL((url) => url.origin !== entraOrigin, {
    timeout: 15_000,
    waitUntil: 'commit',
  });
}
