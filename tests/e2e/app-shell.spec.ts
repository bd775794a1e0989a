import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { control } from '../support/control';
import { seededTenants, seededUser } from '../support/manifest';
import { checkAtWidths } from './support/check-widths';
import { signInOnEntra } from './support/entra-sign-in';
import { signInStaff, waitForFullList } from './support/portal-journeys';

/**
 * The app shell on a fresh local cloud with partner A connected: each role (staff, partner admin,
 * operator) sees exactly its links, none of which answers it "forbidden"; a forbidden page keeps
 * the shell and offers what the user can use instead; and every page, signed in or out, reads
 * without sideways scrolling at 390 px and passes axe at 390 and 1280 px (screenshots attached).
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const { home, partnerA } = seededTenants();
const users = {
  staff: seededUser(partnerA, 'staff'),
  'partner-admin': seededUser(partnerA, 'admin'),
  operator: seededUser(home, 'operator'),
};
type Role = keyof typeof users;
const EXPECTED_LINKS: Record<Role, string[]> = {
  staff: ['Customers', 'Access'],
  'partner-admin': ['Customers', 'Access', 'Connections', 'Activity'],
  operator: ['Connections', 'Activity'],
};

// Every connect failure code has its own page; read them from the one table that defines them.
const FAILURE_CODES = [
  ...readFileSync('lib/connect/connect-failures.ts', 'utf8').matchAll(/^ {2}([a-z_]+): \{/gm),
].map((m) => m[1]!);

const contexts: Partial<Record<Role, BrowserContext>> = {};
const pages: Partial<Record<Role, Page>> = {};
const aId = partnerA.id.toLowerCase();

test.beforeAll(async ({ browser }) => {
  await control.reset();
  for (const role of Object.keys(users) as Role[]) {
    contexts[role] = await browser.newContext();
    pages[role] = await contexts[role].newPage();
  }
});
test.afterAll(async () => {
  for (const c of Object.values(contexts)) await c?.close();
});

test('signed-out pages share the light header and read on a phone', async ({ page }, info) => {
  test.setTimeout(120_000);
  expect(FAILURE_CODES.length).toBeGreaterThan(10);
  const paths = [
    '/',
    '/connect',
    '/signin',
    `/not-connected?reason=tenant_not_connected&tenant=${aId}&admin=1`,
    '/connect/success',
    '/no-such-page',
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByTestId('public-header')).toBeVisible();
    await expect(page.getByTestId('app-shell')).toHaveCount(0);
    await checkAtWidths(page, info, path);
  }
});

test('every connect error code’s page reads on a phone', async ({ page }, info) => {
  test.setTimeout(180_000);
  // One template: axe at both widths on three (the longest texts, one with a link), and every
  // code's page checked for sideways scrolling at 390 px with its screenshot.
  const full = new Set(['mfa_missing', 'partner_center_rejected_token', 'state_expired']);
  for (const code of FAILURE_CODES) {
    await page.goto(`/connect/error?code=${code}`);
    await expect(page.getByTestId('connect-error-code')).toHaveText(code);
    await checkAtWidths(
      page,
      info,
      `/connect/error?code=${code}`,
      full.has(code) ? {} : { axe: false, widths: [390] },
    );
  }
  await page.goto('/connect/error?code=mfa_missing');
  await expect(page.getByRole('link', { name: 'https://aka.ms/mfasetup' })).toHaveAttribute(
    'rel',
    'noopener noreferrer',
  );
});

test('the admin connects partner A; the success page reads on a phone', async ({
  browser,
}, info) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/connect');
  await page.getByTestId('connect-start').click();
  await signInOnEntra(page, users['partner-admin'], { consent: 'accept-for-organization' });
  await expect(page).toHaveURL(/\/connect\/success/);
  await expect(page.locator('time').first()).toHaveAttribute(
    'title',
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/,
  );
  await checkAtWidths(page, info, '/connect/success (connected)');
  await context.close();
});

for (const role of Object.keys(users) as Role[]) {
  test(`${role}: exactly its links, and none answers "forbidden"`, async () => {
    const page = pages[role]!;
    const start = role === 'operator' ? '/connections' : '/dashboard';
    await signInStaff(page, users[role], start);
    await expect(page.getByTestId('app-shell')).toBeVisible();
    await expect(page.getByTestId('signed-in-as')).toContainText(users[role].upn);
    await expect(page.getByTestId('sign-out')).toBeVisible();
    const nav = page.getByTestId('main-nav').getByRole('link');
    await expect(nav).toHaveText(EXPECTED_LINKS[role]);

    for (const href of await nav.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      const res = await page.goto(href);
      expect(res?.status(), `${role} → ${href}`).toBeLessThan(400);
      await expect(page.getByTestId('app-shell')).toBeVisible();
      await expect(page.getByTestId('forbidden')).toHaveCount(0);
      await expect(page.getByText(/forbidden_/)).toHaveCount(0);
    }
  });
}

test('staff opening Connections keep the shell and are told what they can use instead', async ({}, info) => {
  const page = pages.staff!;
  await page.goto('/connections');
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expect(page.getByTestId('forbidden')).toContainText('forbidden_not_admin');
  await expect(page.getByTestId('forbidden-alternatives').getByRole('link')).toHaveText([
    'Customers',
    'Access',
  ]);
  await checkAtWidths(page, info, '/connections (staff, forbidden)');
});

test('staff: the customer list and a customer read on a phone', async ({}, info) => {
  const page = pages.staff!;
  await page.goto('/dashboard');
  await waitForFullList(page);
  await checkAtWidths(page, info, '/dashboard');
  await page.getByTestId('customer-table').locator('tbody th a').first().click();
  await expect(page.getByTestId('customer-name')).toBeVisible();
  await checkAtWidths(page, info, '/dashboard/customers/[id]');
  await page.goto('/dashboard/customers/00000000-0000-4000-8000-000000000000');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await checkAtWidths(page, info, '/dashboard/customers/[unknown id]');
});

test('partner admin: own connection, its card and the disconnect confirmation read on a phone', async ({}, info) => {
  const page = pages['partner-admin']!;
  await page.goto('/connections');
  await expect(page.getByTestId('connection-health')).toHaveCount(1);
  await expect(page.getByTestId('connections-table')).toHaveCount(0);
  await checkAtWidths(page, info, '/connections (partner admin)');
  await page.goto(`/connections/${aId}`);
  await expect(page.getByTestId('connection-title')).toBeVisible();
  await expect(page.getByTestId('check-now')).toBeVisible();
  await checkAtWidths(page, info, '/connections/[id] (partner admin)');
  await page.goto(`/connections/${aId}/disconnect`);
  await expect(page.getByTestId('confirm-disconnect')).toBeVisible();
  await checkAtWidths(page, info, '/connections/[id]/disconnect');
});

test('operator: the connections table and a connection’s card read on a phone', async ({}, info) => {
  const page = pages.operator!;
  await page.goto('/connections');
  await expect(page.getByTestId('connection-row')).toHaveCount(1);
  await expect(page.getByTestId('count-all')).toHaveText('1');
  await checkAtWidths(page, info, '/connections (operator)');
  await page.getByTestId('connection-row').locator('th a').click();
  await expect(page).toHaveURL(new RegExp(`/connections/${aId}$`));
  await expect(page.getByTestId('connection-health')).toBeVisible();
  await checkAtWidths(page, info, '/connections/[id] (operator)');
  // Another partner's card or a malformed id: not found, with the shell kept.
  await page.goto('/connections/not-a-tenant');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByTestId('app-shell')).toBeVisible();
});
