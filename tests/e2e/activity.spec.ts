import { expect, test } from '@playwright/test';
import { seededTenants, seededUser } from '../support/manifest';
import { expectAccessible } from './support/expect-accessible';
import { connectTenantViaUi, signInStaff } from './support/portal-journeys';

test.describe.configure({ mode: 'serial' });

const { partnerA, partnerB } = seededTenants();
const adminA = seededUser(partnerA, 'admin');
const adminB = seededUser(partnerB, 'admin');

/**
 * The Activity page through the browser: partner A's admin connects, checks the connection and
 * finds both events with their name; filters and the CSV link keep to the URL. Partner B's
 * admin, connected too, sees B's own rows and none of A's, even when asking for A's tenant.
 */
test('an admin sees their own activity; partner B’s admin sees none of A’s', async ({
  browser,
}) => {
  await connectTenantViaUi(browser, 'partnerA');
  await connectTenantViaUi(browser, 'partnerB');

  const a = await browser.newContext();
  const pageA = await a.newPage();
  await signInStaff(pageA, adminA, '/connections');
  await pageA.getByRole('button', { name: /check now/i }).click();
  await expect(pageA).toHaveURL(/checked=/);
  await pageA.getByRole('navigation').getByRole('link', { name: 'Activity' }).click();
  await expect(pageA).toHaveURL(/\/activity$/);
  const rowsA = pageA.getByTestId('activity-row');
  await expect(rowsA.first()).toBeVisible();
  await expect(
    pageA.locator('[data-testid="activity-row"][data-kind="check"]').first(),
  ).toBeVisible();
  await expect(
    pageA.locator('[data-testid="activity-row"][data-kind="connect"]').first(),
  ).toContainText(adminA.upn.toLowerCase());
  for (const tenant of await rowsA.evaluateAll((rs) => rs.map((r) => r.dataset.tenantId)))
    expect(tenant).toBe(partnerA.id);
  await expectAccessible(pageA);

  // A filter is a URL: kind=check leaves only the check.
  await pageA.getByTestId('activity-kind').selectOption('check');
  await pageA.getByTestId('activity-filter-submit').click();
  // A GET form: the empty result filter rides along, and reads as "any".
  await expect(pageA).toHaveURL(/\/activity\?kind=check(&result=)?$/);
  await expect(rowsA.first()).toBeVisible();
  expect(new Set(await rowsA.evaluateAll((rs) => rs.map((r) => r.dataset.kind)))).toEqual(
    new Set(['check']),
  );
  await expect(pageA.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
    'href',
    '/api/activity/export?kind=check',
  );
  await a.close();

  const b = await browser.newContext();
  const pageB = await b.newPage();
  await signInStaff(pageB, adminB, '/activity');
  await expect(pageB).toHaveURL(/\/activity$/);
  const rowsB = pageB.getByTestId('activity-row');
  await expect(rowsB.first()).toBeVisible();
  for (const tenant of await rowsB.evaluateAll((rs) => rs.map((r) => r.dataset.tenantId)))
    expect(tenant).toBe(partnerB.id);
  expect(await pageB.content()).not.toContain(adminA.upn.toLowerCase());
  await pageB.goto(`/activity?tenant=${partnerA.id}`);
  await expect(pageB.getByTestId('no-activity')).toBeVisible();
  expect(await pageB.content()).not.toContain(adminA.upn.toLowerCase());
  const api = await pageB.request.get(`/api/activity?tenant=${partnerA.id}`);
  expect(((await api.json()) as { rows: unknown[] }).rows).toEqual([]);
  await b.close();
});
