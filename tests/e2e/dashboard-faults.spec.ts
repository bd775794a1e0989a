import { expect, test, type Page } from '@playwright/test';
import { control } from '../support/control';
import { seededTenants, seededUser } from '../support/manifest';
import { resetSharedBudgets } from '../support/shared-budgets';
import { connectTenantViaUi, signInStaff, waitForFullList } from './support/portal-journeys';

/**
 * The dashboard under Partner Center faults injected by the emulator: it either succeeds after
 * retries or shows the error state with a stable code, and never answers 500.
 */
test.describe.configure({ mode: 'serial' });

const staffA = seededUser(seededTenants().partnerA, 'staff');

test.beforeAll(async ({ browser }) => {
  await control.reset();
  await connectTenantViaUi(browser, 'partnerA');
});

test.afterEach(async () => {
  await control.clearFaults();
  await resetSharedBudgets();
});

/** Presses Refresh (which goes to Partner Center again) and returns the dashboard's HTTP status. */
async function refresh(page: Page): Promise<number> {
  const response = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/dashboard' && r.request().method() === 'GET',
    { timeout: 45_000 },
  );
  await page.getByTestId('refresh').click();
  return (await response).status();
}

test('429 with Retry-After, then success: the list loads', async ({ page }) => {
  await signInStaff(page, staffA);
  await waitForFullList(page);
  await control.addFault({
    service: 'partner-center',
    route: '^GET /v1/customers$',
    kind: 'status',
    status: 429,
    retryAfter: 1,
    count: 2,
  });
  expect(await refresh(page)).toBe(200);
  await waitForFullList(page);
  await expect(page.getByTestId('total-count')).toHaveText('2,500 customers');
});

test('503 twice and a dropped connection: retried, the list loads', async ({ page }) => {
  await signInStaff(page, staffA);
  await waitForFullList(page);
  await control.addFault({
    service: 'partner-center',
    route: '^GET /v1/customers$',
    kind: 'status',
    status: 503,
    retryAfter: 0,
    count: 2,
  });
  await control.addFault({
    service: 'partner-center',
    route: '^GET /v1/customers$',
    kind: 'drop',
    count: 1,
  });
  expect(await refresh(page)).toBe(200);
  await waitForFullList(page);
  await expect(page.getByTestId('total-count')).toHaveText('2,500 customers');
});

test('added latency: slower, still complete', async ({ page }) => {
  await signInStaff(page, staffA);
  await waitForFullList(page);
  await control.addFault({
    service: 'partner-center',
    route: '^GET /v1/customers$',
    kind: 'latency',
    delayMs: 1_500,
    count: 3,
  });
  expect(await refresh(page)).toBe(200);
  await waitForFullList(page);
  await expect(page.getByTestId('customer-table').locator('tbody tr')).toHaveCount(25);
});

test('Partner Center down: the error state with its code, not a 500; recovery after the fault clears', async ({
  page,
}) => {
  await signInStaff(page, staffA);
  await waitForFullList(page);
  await control.addFault({
    service: 'partner-center',
    route: '^GET /v1/customers$',
    kind: 'status',
    status: 503,
    retryAfter: 0,
  });
  expect(await refresh(page)).toBe(200);
  await expect(page.getByTestId('error-state')).toBeVisible();
  await expect(page.getByTestId('error-code')).toHaveText('partner_center_unavailable');
  await expect(page.locator('body')).not.toContainText(/stack|TypeError|at [A-Za-z]+ \(/);

  await control.clearFaults();
  await page.getByRole('link', { name: 'Try again' }).click();
  await waitForFullList(page);
  await expect(page.getByTestId('total-count')).toHaveText('2,500 customers');
});

test('throttled with a long Retry-After: the error state says so at once', async ({ page }) => {
  await signInStaff(page, staffA);
  await waitForFullList(page);
  await control.addFault({
    service: 'partner-center',
    route: '^GET /v1/customers$',
    kind: 'status',
    status: 429,
    retryAfter: 120,
  });
  expect(await refresh(page)).toBe(200);
  await expect(page.getByTestId('error-code')).toHaveText('partner_center_throttled');
});
