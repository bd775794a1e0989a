import { expect, test, type Page } from '@playwright/test';
import { control } from '../support/control';
import { consentOffTenant, seededUser } from '../support/manifest';
import { totpNow } from '../support/totp';
import { signInOnEntra } from './support/entra-sign-in';

/**
 * A partner whose Entra tenant turned user consent off (as many do): its staff can use the
 * portal once its admin connected with consent for the whole organization, and they never meet
 * a consent page, because staff sign-in asks for nothing beyond what that consent covers.
 */
test.describe.configure({ mode: 'serial' });

const tenant = consentOffTenant();
const admin = seededUser(tenant, 'admin');
const staff = seededUser(tenant, 'staff');

/** Every Entra page path the browser visits, to prove no consent page was among them. */
function recordEntraPages(page: Page): string[] {
  const seen: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.push(new URL(frame.url()).pathname);
  });
  return seen;
}

test.beforeAll(async () => {
  await control.reset();
});

test('before the admin connects, Entra stops staff with "Need admin approval" (AADSTS90094)', async ({
  page,
}) => {
  await page.goto('/signin?callbackUrl=%2Fdashboard');
  await page.getByTestId('signin-entra').click();
  await page.fill('#login', staff.upn);
  await page.fill('#passwd', staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.fill('#otc', totpNow(staff.totpSecret!));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('AADSTS90094')).toBeVisible();
  await expect(page.getByText(/Need admin approval/)).toBeVisible();
});

test('the admin connects with consent for the organization', async ({ page }) => {
  await page.goto('/connect');
  await page.getByTestId('connect-start').click();
  await signInOnEntra(page, admin, { consent: 'accept-for-organization' });
  await expect(page).toHaveURL(/\/connect\/success/);
});

test('staff then sign in without any consent page and reach the dashboard', async ({ page }) => {
  const visited = recordEntraPages(page);
  await page.goto('/signin?callbackUrl=%2Fdashboard');
  await page.getByTestId('signin-entra').click();
  await signInOnEntra(page, staff);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId('signed-in-as')).toContainText(staff.upn);
  expect(visited.filter((p) => p.endsWith('/consent'))).toEqual([]);
  expect(visited.some((p) => p.endsWith('/mfa'))).toBe(true);
});
