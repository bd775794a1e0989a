import { expect, type Browser, type Page } from '@playwright/test';
import { seededTenants, seededUser, type Manifest } from '../../support/manifest';
import { signInOnEntra } from './entra-sign-in';

type Tenant = Manifest['tenants'][number];
type User = Tenant['users'][number];

/**
 * Connects a partner tenant through the portal's UI, in a browser context of its own (so the
 * admin's Entra session does not leak into staff journeys): the wizard, Entra sign-in with TOTP,
 * organization-wide consent, and the callback's success page.
 */
export async function connectTenantViaUi(
  browser: Browser,
  which: 'partnerA' | 'partnerB',
): Promise<Tenant> {
  const tenant = seededTenants()[which];
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('/connect');
    await page.getByTestId('connect-start').click();
    await signInOnEntra(page, seededUser(tenant, 'admin'), { consent: 'accept-for-organization' });
    await expect(page).toHaveURL(/\/connect\/success/);
  } finally {
    await context.close();
  }
  return tenant;
}

/** Staff sign-in from the portal's sign-in page; ends on the page next-auth returns to. */
export async function signInStaff(page: Page, user: User, returnTo = '/dashboard'): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByTestId('signin-entra').click();
  await signInOnEntra(page, user);
}

/** Waits until the customer list has finished its background load (the progress line is gone). */
export async function waitForFullList(page: Page): Promise<void> {
  await expect(page.getByTestId('customer-table')).toBeVisible();
  await expect(page.getByTestId('load-progress')).toHaveCount(0, { timeout: 30_000 });
}
