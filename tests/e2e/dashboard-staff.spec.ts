import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { control } from '../support/control';
import { seededTenants, seededUser } from '../support/manifest';
import { signInOnEntra } from './support/entra-sign-in';
import { expectAccessible } from './support/expect-accessible';
import { connectTenantViaUi, signInStaff, waitForFullList } from './support/portal-journeys';

/**
 * Staff journeys on the dashboard, on a fresh local cloud: sign-in with TOTP, the customer list
 * (search, sort, paging, detail, CSV), accessibility, cross-tenant isolation, the not-connected
 * page, revocation and sign-out. Serial: the journeys share the cloud's state.
 */
test.describe.configure({ mode: 'serial' });

const { partnerA, partnerB } = seededTenants();
const staffA = seededUser(partnerA, 'staff');
const staffB = seededUser(partnerB, 'staff');
const adminB = seededUser(partnerB, 'admin');

/**
 * What A's staff saw. Ids and domains are unique across the seeded tenants, so neither may appear
 * in any page B's staff can reach (company names are not: both tenants draw from one name pool).
 */
const seenByA = { names: [] as string[], ids: [] as string[], domains: [] as string[] };

test.beforeAll(async ({ browser }) => {
  await control.reset();
  await connectTenantViaUi(browser, 'partnerA');
});

test('partner A staff signs in with TOTP and sees A’s customers', async ({ page }) => {
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
  await page.getByTestId('signin-entra').click();
  await signInOnEntra(page, staffA);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId('signed-in-as')).toContainText(staffA.upn);

  await waitForFullList(page);
  await expect(page.getByTestId('total-count')).toHaveText('2,500 customers');
  await expect(page.getByTestId('customer-table').locator('tbody tr')).toHaveCount(25);
  await expect(page.getByTestId('page-indicator')).toHaveText('Page 1 of 100');

  for (const row of await page.getByTestId('customer-table').locator('tbody tr').all()) {
    seenByA.names.push((await row.locator('th a').innerText()).trim());
    seenByA.ids.push((await row.locator('td').nth(2).innerText()).trim());
    seenByA.domains.push((await row.locator('td').first().innerText()).trim());
  }
  await expectAccessible(page);
});

test('search narrows the list, paging goes to page 2, sorting works from the keyboard', async ({
  page,
}) => {
  await signInStaff(page, staffA);
  await waitForFullList(page);

  const term = seenByA.names[0]!.split(' ')[0]!;
  await page.getByTestId('search-input').fill(term);
  await page.getByTestId('search-submit').click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(term)}`));
  const narrowed = Number(
    (await page.getByTestId('total-count').innerText()).replace(/[^0-9]/g, ''),
  );
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThan(2_500);
  for (const row of await page.getByTestId('customer-table').locator('tbody tr').all()) {
    // Each row matches by name or by domain.
    const text =
      `${await row.locator('th').innerText()} ${await row.locator('td').first().innerText()}`.toLowerCase();
    expect(text).toContain(term.toLowerCase());
  }

  await page.goto('/dashboard');
  await page.getByTestId('page-next').click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page.getByTestId('page-indicator')).toHaveText('Page 2 of 100');
  const page2First = await page
    .locator('[data-testid=customer-table] tbody th a')
    .first()
    .innerText();
  expect(seenByA.names).not.toContain(page2First);

  // The table from the keyboard: focus the "Primary domain" header link, press Enter.
  await page.getByTestId('sort-domain').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sort=domain/);
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Primary domain');
  const domains = await page
    .locator('[data-testid=customer-table] tbody td:nth-of-type(1)')
    .allInnerTexts();
  expect(domains).toEqual(
    [...domains].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })),
  );

  // The URL is the state: reopening it shows the same view.
  const url = page.url();
  await page.goto(url);
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Primary domain');
});

test('the detail page opens with profile, delegated access and subscriptions', async ({ page }) => {
  await signInStaff(page, staffA);
  await waitForFullList(page);
  await page.locator('[data-testid=customer-table] tbody th a').first().click();
  await expect(page).toHaveURL(/\/dashboard\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('customer-name')).toHaveText(seenByA.names[0]!);
  await expect(page.getByTestId('customer-id')).toHaveText(seenByA.ids[0]!);
  await expect(page.getByTestId('delegated-access')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Subscriptions \(\d+\)/ })).toBeVisible();
  await expectAccessible(page);
});

test('CSV export downloads every customer with the expected columns', async ({ page }) => {
  await signInStaff(page, staffA);
  await waitForFullList(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('Microsoft ID,Company name,Primary domain,Relationship');
  expect(lines).toHaveLength(2_501);
  expect(text).toContain(seenByA.ids[0]!);
});

test('a user of a tenant that is not connected is told so; only the admin gets the connect link', async ({
  page,
  browser,
}) => {
  await signInStaff(page, staffB);
  await expect(page).toHaveURL(/\/not-connected/);
  await expect(page.getByTestId('not-connected')).toContainText(partnerB.id.toLowerCase());
  await expect(page.getByTestId('connect-link')).toHaveCount(0);
  await expectAccessible(page);

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInStaff(adminPage, adminB);
  await expect(adminPage).toHaveURL(/\/not-connected/);
  await expect(adminPage.getByTestId('connect-link')).toHaveAttribute('href', '/connect');
  await adminContext.close();

  // No session was created for them: the dashboard still asks to sign in.
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/signin/);
});

test('partner B staff never sees A’s data, whatever URL they type', async ({ page, browser }) => {
  await connectTenantViaUi(browser, 'partnerB');
  await signInStaff(page, staffB);
  await waitForFullList(page);
  await expect(page.getByTestId('total-count')).toHaveText('120 customers');

  // What a user typed is echoed in the page's own URL data; everything else of A's must be absent.
  const leaks = (html: string, typedUrl = '') =>
    [...seenByA.ids, ...seenByA.domains, partnerA.id, partnerA.name].filter(
      (s) => !decodeURIComponent(typedUrl).includes(s) && html.includes(s),
    );

  expect(leaks(await page.content())).toEqual([]);
  for (const id of seenByA.ids.slice(0, 3)) {
    const res = await page.goto(`/dashboard/customers/${id}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toBeVisible();
    expect(leaks(await page.content(), `/dashboard/customers/${id}`)).toEqual([]);
    expect(await page.getByTestId('customer-name').count()).toBe(0);

    const api = await page.request.get(`/api/customers/${id}`);
    expect(api.status()).toBe(404);
    expect(leaks(await api.text())).toEqual([]);
  }
  // Tenant-looking parameters are ignored: the list is always the session's own tenant's.
  for (const url of [
    `/dashboard?tenant=${partnerA.id}`,
    `/dashboard?tid=${partnerA.id}&q=${encodeURIComponent(seenByA.domains[0]!)}`,
    `/api/customers?tenantId=${partnerA.id}`,
  ]) {
    const res = await page.goto(url);
    expect(res?.status()).toBeLessThan(400);
    expect(leaks(await page.content(), url)).toEqual([]);
  }
  const csv = await page.request.get('/api/customers/export');
  expect(leaks(await csv.text())).toEqual([]);
  // Malformed ids are 404 too, not errors.
  expect((await page.goto('/dashboard/customers/not-a-guid'))?.status()).toBe(404);
  expect(
    (
      await page.goto(`/dashboard/customers/${encodeURIComponent('../../api/customers')}`)
    )?.status(),
  ).toBe(404);
});

test('after the admin’s sessions are revoked, refresh shows the reconnect banner, not a 500', async ({
  page,
}) => {
  await signInStaff(page, staffA);
  await waitForFullList(page);
  await control.revokeUser(seededUser(partnerA, 'admin').upn);
  const response = page.waitForResponse(
    (r) => r.url().includes('/dashboard') && r.request().method() === 'GET',
  );
  await page.getByTestId('refresh').click();
  expect((await response).status()).toBeLessThan(500);
  await expect(page.getByTestId('reconnect-banner')).toBeVisible();
  await expect(page.getByTestId('advice-code')).toHaveText('AADSTS50173');
  await expect(page.getByTestId('customer-table')).toHaveCount(0);
  await expectAccessible(page);
});

test('a forged sign-in callback ends on the sign-in page with a clear error, never a session or a 500', async ({
  page,
}) => {
  const res = await page.goto('/api/auth/callback/entra?code=forged-code&state=forged-state');
  expect(res?.status()).toBeLessThan(500);
  await expect(page).toHaveURL(/\/signin\?.*error=/);
  await expect(page.getByTestId('signin-error')).toBeVisible();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/signin/);
});

test('sign-out ends the portal session and the Entra session', async ({ page }) => {
  await signInStaff(page, staffB);
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await page.getByTestId('sign-out').click();
  await page.waitForURL((url) => url.pathname === '/' && url.port === new URL(page.url()).port);
  await expect(page.getByRole('heading', { name: 'Partner Portal' })).toBeVisible();

  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/signin/);
  // Entra asks for the password again: no single sign-on session survived.
  await page.getByTestId('signin-entra').click();
  await expect(page.locator('#passwd')).toBeVisible();
  await expect(page.getByRole('button', { name: /Continue as/ })).toHaveCount(0);
});
