import { randomUUID } from 'node:crypto';
import { expect, test, type Page, type Request } from '@playwright/test';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { totpNow } from '../support/totp';

/**
 * Signs seeded users in through the Entra emulator's own pages in Chromium, starting from an
 * authorize URL built from the manifest, with the TOTP code computed from the manifest's secret.
 * The browser must land on the registered redirect URI with a code and the original state. The
 * redirect target is intercepted, so the spec needs no portal.
 */
const m = loadManifest();
const { home, partnerB } = seededTenants(m);
const redirectUri = m.portalApp.redirectUris[0]!;

function authorizeUrl(tenant: string, state: string, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    client_id: m.portalApp.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope:
      'https://api.partnercenter.microsoft.com/user_impersonation openid profile offline_access',
    response_mode: 'query',
    state,
    ...extra,
  });
  return `${m.entra.browserHost}/${tenant}/oauth2/v2.0/authorize?${q.toString()}`;
}

/** Answers the app's redirect URI in the browser and resolves with the request that reached it. */
async function catchRedirect(page: Page): Promise<() => Promise<Request>> {
  await page.route(`${redirectUri}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>redirect captured</h1>' }),
  );
  const request = page.waitForRequest((r) => r.url().startsWith(redirectUri));
  return () => request;
}

test('a TOTP user signs in through the sign-in and MFA pages and lands on the redirect URI with code and state', async ({
  page,
}) => {
  const operator = seededUser(home, 'operator');
  expect(operator.mfa).toBe('totp');
  const state = randomUUID();
  const landed = await catchRedirect(page);

  await page.goto(authorizeUrl(home.id, state, { login_hint: operator.upn }));
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Email address')).toHaveValue(operator.upn);
  await page.getByLabel('Password').fill(operator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Enter code' })).toBeVisible();
  await page.getByLabel('Verification code').fill(totpNow(operator.totpSecret!));
  await page.getByRole('button', { name: 'Verify' }).click();

  const url = new URL((await landed()).url());
  expect(url.origin + url.pathname).toBe(redirectUri);
  expect(url.searchParams.get('code')).toMatch(/^1\./);
  expect(url.searchParams.get('state')).toBe(state);
  expect(url.searchParams.get('error')).toBeNull();
});

test('a wrong code is refused on the MFA page, then the right one goes through', async ({
  page,
}) => {
  const operator = seededUser(home, 'operator');
  const state = randomUUID();
  const landed = await catchRedirect(page);
  await page.goto(authorizeUrl(home.id, state, { prompt: 'login' }));
  await page.getByLabel('Email address').fill(operator.upn);
  await page.getByLabel('Password').fill(operator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Verification code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toContainText('AADSTS500121');
  await page.getByLabel('Verification code').fill(totpNow(operator.totpSecret!));
  await page.getByRole('button', { name: 'Verify' }).click();
  expect(new URL((await landed()).url()).searchParams.get('state')).toBe(state);
});

test('an admin approves the sign-in and consents on behalf of the organization', async ({
  page,
}) => {
  const admin = seededUser(partnerB, 'admin');
  expect(admin.mfa).toBe('approve');
  const state = randomUUID();
  const landed = await catchRedirect(page);
  // prompt=consent: the consent page shows even if this tenant consented earlier in the run.
  await page.goto(authorizeUrl(partnerB.id, state, { prompt: 'consent' }));
  await page.getByLabel('Email address').fill(admin.upn);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Approve sign-in request' }).click();

  await expect(page.getByRole('heading', { name: 'Permissions requested' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Requested permissions' })).toContainText(
    'Access Partner Center as you',
  );
  await page.getByLabel('Consent on behalf of your organization').check();
  await page.getByRole('button', { name: 'Accept' }).click();

  const url = new URL((await landed()).url());
  expect(url.searchParams.get('code')).toBeTruthy();
  expect(url.searchParams.get('state')).toBe(state);
});
