import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { seededTenants, seededUser } from '../support/manifest';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { expectAccessible } from './support/expect-accessible';
import { connectTenantViaUi, signInStaff } from './support/portal-journeys';

test.describe.configure({ mode: 'serial' });

const { partnerA } = seededTenants();
const adminA = seededUser(partnerA, 'admin');
const secret = randomBytes(24).toString('hex');
let receiver: WebhookReceiver;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver(secret);
});
test.afterAll(async () => {
  await receiver?.close();
});

test('a partner admin sets their webhook, sends a signed test alert, and removes it; the card shows keep-alive and alerts', async ({
  browser,
}) => {
  await connectTenantViaUi(browser, 'partnerA');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInStaff(page, adminA, '/connections');
  await expect(page).toHaveURL(/\/connections$/);

  await expect(page.getByTestId('open-alerts')).toBeVisible();
  await expect(page.getByTestId('keepalive-next-run')).toHaveAttribute('datetime', /^\d{4}-/);
  await expect(page.getByTestId('webhook-summary')).toContainText('No webhook');
  await expectAccessible(page);

  const form = page.getByTestId('webhook-form');
  await form.getByLabel('Webhook URL (https)').fill(receiver.url('/e2e'));
  await form.getByLabel('Format').selectOption('generic');
  await form.getByLabel('Signing secret').fill(secret);
  await form.getByRole('button', { name: 'Save webhook' }).click();
  await expect(page.getByTestId('webhook-notice')).toContainText('Webhook saved');
  await expect(page.getByTestId('webhook-summary')).toContainText('localhost');
  // Write-only: neither the URL's path nor the secret comes back to the browser.
  expect(await page.content()).not.toContain(secret);
  expect(await page.content()).not.toContain(receiver.url('/e2e'));

  await page.getByTestId('webhook-test').click();
  await expect(page.getByTestId('webhook-notice')).toContainText('Test alert delivered');
  const [delivery] = await receiver.waitForAccepted(1);
  expect(delivery).toMatchObject({ path: '/e2e', event: 'alert.test', signature: { ok: true } });
  expect(delivery!.json).toMatchObject({ event: 'alert.test', tenant: { id: partnerA.id } });

  await page.getByTestId('webhook-remove').click();
  await expect(page.getByTestId('webhook-notice')).toContainText('Webhook removed');
  await expect(page.getByTestId('webhook-summary')).toContainText('No webhook');
  await context.close();
});
