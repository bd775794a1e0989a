import { ClientSecretCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';
import { expect, test, type Page } from '@playwright/test';
import { control } from '../support/control';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { expectAccessible } from './support/expect-accessible';
import { connectTenantViaUi, signInStaff } from './support/portal-journeys';

/**
 * The access view, on a fresh local cloud with the portal's own job runner doing the sync:
 * partner B (120 customers) is synced in the background after its first visit; its admin grants
 * the app's consent to a customer lacking it and the row turns to "can manage"; staff see the
 * list without a grant button; A's rows never reach B's page, API or CSV. Serial: shared state.
 */
test.describe.configure({ mode: 'serial' });

const { partnerA, partnerB } = seededTenants();
const adminB = seededUser(partnerB, 'admin');
const staffB = seededUser(partnerB, 'staff');
const staffA = seededUser(partnerA, 'staff');

/** Reloads the access view until the sync's first full pass is done. */
async function waitForFullPass(page: Page): Promise<void> {
  await expect(async () => {
    await page.goto('/dashboard/access');
    await expect(page.getByTestId('sync-status')).toContainText('Last full pass: ');
    await expect(page.getByTestId('sync-status').locator('time')).toHaveCount(2);
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000, 3_000] });
}

test.beforeAll(async ({ browser }) => {
  await control.reset();
  await connectTenantViaUi(browser, 'partnerB');
  await connectTenantViaUi(browser, 'partnerA');
});

test('partner B staff see the synced list with overlapping counts, and no grant button', async ({
  page,
}) => {
  await signInStaff(page, staffB, '/dashboard/access');
  await waitForFullPass(page);
  await expect(page.getByTestId('access-counts')).toContainText('These counts overlap');
  await expect(page.getByTestId('access-row').first()).toBeVisible();
  expect(await page.getByTestId('count-can-manage').getAttribute('data-count')).not.toBe('0');
  await expect(page.getByTestId('grant-all-missing')).toHaveCount(0);
  // The list itself (rows from one client component, plain links) passes axe too.
  await expectAccessible(page);
  await page.goto('/dashboard/access?filter=not-consented');
  await page.getByTestId('access-row').first().locator('a').first().click();
  await expect(page.getByTestId('access-detail')).toBeVisible();
  await expect(page.getByTestId('check-now')).toBeVisible();
  await expect(page.getByTestId('grant-consent')).toHaveCount(0);
  await expectAccessible(page);
});

test('partner B admin grants the app to a customer lacking it, and the row turns to can manage', async ({
  page,
}) => {
  await signInStaff(page, adminB, '/dashboard/access?filter=not-consented');
  const row = page
    .locator('[data-testid=access-row][data-access=gdap][data-consent=missing]')
    .first();
  const id = await row.getAttribute('data-customer-id');
  expect(id).toBeTruthy();
  await page.goto(`/dashboard/access/${id}`);
  await expect(page.getByTestId('consent-scopes')).toContainText('Application.Read.All');
  await page.getByTestId('grant-consent').click();
  await expect(page.getByTestId('access-notice')).toBeVisible();
  await expect(page.getByTestId('detail-consent')).toHaveText(/Granted/);
  await page.goto(`/dashboard/access?filter=can-manage&q=${id}`);
  await expect(page.locator(`[data-testid=access-row][data-customer-id="${id}"]`)).toBeVisible();
});

test('the customer page shows which groups hold which roles, and GDAP no group holds', async ({
  page,
}) => {
  await signInStaff(page, staffB, '/dashboard/access?filter=can-manage');
  await page.getByTestId('access-row').first().locator('a').first().click();
  const assignment = page.locator('[data-testid=assignment][data-status=active]').first();
  await expect(assignment).toContainText(/Group [0-9a-f-]{36} \(active\): \w/);
  await expect(page.getByTestId('detail-assigned-roles')).not.toHaveText('—');

  // A customer whose active GDAP has no active access assignment: flagged, not checked.
  await page.goto('/dashboard/access?filter=error&size=200');
  await page
    .locator('[data-testid=access-row][data-error=gdap_no_access_assignment]')
    .first()
    .locator('a')
    .first()
    .click();
  await expect(page.getByTestId('detail-assigned-roles')).toContainText('no security group holds');
  await expect(page.getByTestId('detail-last-error')).toContainText('gdap_no_access_assignment');
  await expectAccessible(page);
});

test("partner B never sees A's rows: page, API and CSV", async ({ page, request }) => {
  await signInStaff(page, staffA, '/dashboard/access');
  // A's first visit queued its sync; its rows appear once the relationships are read.
  await expect(async () => {
    await page.goto('/dashboard/access');
    await expect(page.getByTestId('access-row').first()).toBeVisible();
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });
  const aIds = await page
    .getByTestId('access-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-customer-id')));
  expect(aIds.length).toBeGreaterThan(0);
  await page.context().clearCookies();
  await signInStaff(page, staffB, '/dashboard/access?size=200');
  const html = await page.content();
  const api = await page.request.get('/api/access?size=200');
  expect(api.status()).toBe(200);
  const apiText = await api.text();
  const csv = await page.request.get('/api/access/export');
  expect(csv.status()).toBe(200);
  const csvText = await csv.text();
  for (const id of aIds.filter(Boolean)) {
    expect(html).not.toContain(id!);
    expect(apiText).not.toContain(id!);
    expect(csvText).not.toContain(id!);
  }
  const foreign = await page.request.get(`/api/access/${aIds[0]}`);
  expect(foreign.status()).toBe(404);
  void request;
});

test('a connection made before the Graph permission shows "reconnect to grant", not broken', async ({
  page,
}) => {
  // As an older portal stored it: the grant's scopes name Partner Center only.
  const m = loadManifest();
  const vault = new SecretClient(
    process.env.KEY_VAULT_URL!,
    new ClientSecretCredential(
      m.portalApp.tenantId,
      m.portalApp.clientId,
      m.portalApp.clientSecret,
      {
        authorityHost: m.entra.authorityHost,
        disableInstanceDiscovery: true,
      },
    ),
    { disableChallengeResourceVerification: true },
  );
  const secret = await vault.getSecret(partnerB.id);
  await vault.updateSecretProperties(partnerB.id, secret.properties.version!, {
    tags: { ...secret.properties.tags, scopes: 'user_impersonation' },
  });
  await signInStaff(page, adminB, '/connections');
  await expect(page.getByTestId('connection-health')).toHaveAttribute('data-status', 'healthy');
  await expect(page.getByTestId('health-permission-needed')).toContainText(
    'Reconnect to grant the new permission',
  );
  await expect(page.getByTestId('health-permission-needed')).toContainText('AADSTS65001');
});
