import { expect, test, type Page } from '@playwright/test';
import { seededTenants, seededUser } from '../support/manifest';
import { checkAtWidths } from './support/check-widths';
import { signInOnEntra } from './support/entra-sign-in';
import { startPrivatePortal, type PrivatePortal } from './support/private-portal';

/**
 * The operator's view of 200 connected partners (`--partners 200`, in a local cloud and portal of
 * this spec's own): the counts per status, narrowing to the ones that need a person, search by
 * name and tenant id, sorting, all of it in the URL; and listing them again costs no Key Vault
 * page walk.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const NEEDS_PERSON = new Set(['expired', 'revoked', 'mfa_missing', 'error']);
let portal: PrivatePortal;
let page: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  portal = await startPrivatePortal({ partners: 200 });
  page = await (await browser.newContext({ baseURL: portal.url })).newPage();
  const operator = seededUser(seededTenants(portal.cloud.manifest).home, 'operator');
  await page.goto('/signin?callbackUrl=%2Fconnections');
  await page.getByTestId('signin-entra').click();
  await signInOnEntra(page, operator);
  await expect(page).toHaveURL(/\/connections$/);
});
test.afterAll(async () => {
  await page?.context().close();
  await portal?.stop();
});

function expectedCounts() {
  const fleet = portal.cloud.manifest.fleet!.partners;
  const count = (states: string[]) => fleet.filter((p) => states.includes(p.state)).length;
  return {
    all: fleet.length,
    'needs-person': count(['expired', 'revoked', 'mfa_missing', 'failing']),
    expiring: count(['expiring']),
    healthy: count(['healthy']),
  };
}

test('the operator narrows 200 partners to the ones that need a person', async ({}, info) => {
  const counts = expectedCounts();
  expect(counts.all).toBe(200);
  for (const [key, n] of Object.entries(counts))
    await expect(page.getByTestId(`count-${key}`)).toHaveText(String(n));
  // The default order is worst first: the first page starts with what needs a person.
  await expect(page.getByTestId('connection-row').first()).toHaveAttribute(
    'data-status',
    'revoked',
  );

  await page.getByTestId('status-needs-person').click();
  await expect(page).toHaveURL(/\/connections\?status=needs-person$/);
  const rows = page.getByTestId('connection-row');
  await expect(rows).toHaveCount(counts['needs-person']);
  for (const status of await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.status!)))
    expect(NEEDS_PERSON.has(status)).toBe(true);
  await checkAtWidths(page, info, '/connections?status=needs-person (200 partners)');

  // Fewest days left first, within the filter; the URL keeps both.
  await page.getByTestId('sort-days').click();
  await expect(page).toHaveURL(/status=needs-person&sort=days/);
  const days = await rows.evaluateAll((trs) =>
    trs.map((tr) => Number(tr.querySelector('[data-label="Days left"]')!.textContent)),
  );
  expect(days).toEqual([...days].sort((a, b) => a - b));
});

test('search by organization name or tenant id; a row opens the full health card', async () => {
  const target = portal.cloud.manifest.fleet!.partners.find((p) => p.state === 'mfa_missing')!;
  await page.goto('/connections');
  await page.getByTestId('connections-search').fill(target.name);
  await page.getByTestId('connections-search-submit').click();
  await expect(page.getByTestId('connection-row')).toHaveCount(1);
  await page.goto(`/connections?q=${target.id.toUpperCase()}`);
  await expect(page.getByTestId('connection-row')).toHaveCount(1);
  await page.getByTestId('connection-row').locator('th a').click();
  await expect(page).toHaveURL(new RegExp(`/connections/${target.id}$`));
  await expect(page.getByTestId('health-status')).toHaveText('MFA missing');
  await expect(page.getByTestId('health-advice')).toContainText('AADSTS50076');
});

test('hostile list parameters fall back to the default view, never an error', async () => {
  for (const q of [
    'sort=__proto__&dir=up&status=<x>&page=-3',
    'page=99999999999999999999',
    `q=${encodeURIComponent('<script>alert(1)</script>')}`,
  ]) {
    const res = await page.goto(`/connections?${q}`);
    expect(res?.status(), q).toBe(200);
    await expect(page.getByTestId('status-counts')).toBeVisible();
  }
  expect(await page.content()).not.toContain('<script>alert(1)');
});

test('listing again costs no Key Vault page walk (the listing is cached)', async () => {
  await page.goto('/connections');
  await portal.cloud.control.resetStats();
  for (let i = 0; i < 3; i++) {
    await page.goto(`/connections?sort=org&page=${i + 1}`);
    await expect(page.getByTestId('connection-row').first()).toBeVisible();
  }
  const stats = await portal.cloud.control.stats();
  const walks = Object.entries(stats)
    .filter(([k]) => k.startsWith('keyvault GET /secrets '))
    .reduce((n, [, v]) => n + v, 0);
  expect(walks).toBe(0);
});
