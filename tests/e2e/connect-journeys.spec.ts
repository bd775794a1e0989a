import { ClientSecretCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';
import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { control } from '../support/control';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { totpNow } from '../support/totp';
import { expectAccessible } from './support/expect-accessible';

/**
 * The connect journeys through real pages in Chromium, on a fresh local cloud: connect with
 * password, TOTP and consent; a user without MFA; declined consent; tampered, missing and
 * replayed state; health, check now, revocation; disconnect and reconnect; another partner's
 * admin; 91 days of emulator time. Every browser context is watched, and at the end no refresh
 * or access token may appear in any URL, response, cookie or page the browser saw.
 */
test.describe.configure({ mode: 'serial' });

const m = loadManifest();
const { partnerA, partnerB } = seededTenants(m);
const adminA = seededUser(partnerA, 'admin');
const adminB = seededUser(partnerB, 'admin');
const JWS = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+/;
const EMULATOR_RT = /1\.AR[\w-]{40,}/;

type User = ReturnType<typeof seededUser>;
type Consent = 'accept' | 'accept-for-organization' | 'decline';

/**
 * The emulated Entra sign-in as a person does it: email and password, the TOTP code (or the
 * approve button), and the consent page when it appears; returns once the browser is back on the
 * portal at `back`. A browser that still has its Entra session may come straight back (SSO).
 */
async function signInOnEmulator(
  page: Page,
  user: User,
  back: RegExp,
  consent: Consent = 'accept-for-organization',
): Promise<void> {
  const accept = page.locator(
    `button[name="accept"][value="${consent === 'decline' ? 'no' : 'yes'}"]`,
  );
  for (let step = 0; step < 4; step++) {
    const next = await Promise.race(
      [
        page
          .locator('#login')
          .waitFor()
          .then(() => 'login' as const),
        accept.waitFor().then(() => 'consent' as const),
        page.waitForURL(back).then(() => 'back' as const),
      ].map((p) => p.catch(() => 'gone' as const)),
    );
    if (next === 'back' || next === 'gone') break;
    if (next === 'login') {
      await page.fill('#login', user.upn);
      await page.fill('#passwd', user.password);
      await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }));
      if (user.mfa === 'totp') {
        await page.fill('#otc', totpNow(user.totpSecret!));
        await clickAndWait(page, page.getByRole('button', { name: 'Verify' }));
      } else if (user.mfa === 'approve') {
        await clickAndWait(page, page.getByRole('button', { name: /Approve/ }));
      }
    } else {
      // Only administrators are offered organization-wide consent.
      if (consent === 'accept-for-organization' && (await page.locator('#consent_org').count()) > 0)
        await page.check('#consent_org');
      await clickAndWait(page, accept);
    }
  }
  await page.waitForURL(back);
}

/** Clicks a submit button and waits until the page it submits has been left. */
async function clickAndWait(page: Page, button: Locator): Promise<void> {
  const left = page.waitForEvent('framenavigated', { timeout: 15_000 }).catch(() => undefined);
  await button.click();
  await left;
}

/** Portal sign-in (next-auth) from its sign-in page, back to `returnTo`. */
async function signInToPortal(page: Page, user: User, returnTo: string): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByTestId('signin-entra').click();
  await signInOnEmulator(page, user, new RegExp(`${returnTo.replace(/[?]/g, '\\?')}$`));
}

/** After the wizard: the success page or one of the error pages. */
const CONNECT_DONE = /\/connect\/(success|error)/;

/** Everything the browser received or sent, for the leak check. */
const seen: string[] = [];
const pending: Array<Promise<void>> = [];
const contexts: BrowserContext[] = [];
/** Every refresh token Key Vault held for a partner during the run. */
const storedTokens = new Set<string>();

function watch(context: BrowserContext): void {
  contexts.push(context);
  context.on('request', (req) =>
    seen.push(`REQUEST ${req.method()} ${req.url()} ${req.postData() ?? ''}`),
  );
  context.on('response', (res) => {
    pending.push(
      (async () => {
        seen.push(
          `RESPONSE ${res.status()} ${res.url()} ${JSON.stringify(await res.allHeaders())}`,
        );
        if (res.status() >= 300 && res.status() < 400) return;
        const body = await res.text().catch(() => '');
        seen.push(body);
      })(),
    );
  });
}

async function freshContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  watch(context);
  return { context, page: await context.newPage() };
}

const vault = new SecretClient(
  process.env.KEY_VAULT_URL!,
  new ClientSecretCredential(m.portalApp.tenantId, m.portalApp.clientId, m.portalApp.clientSecret, {
    authorityHost: m.entra.authorityHost,
    disableInstanceDiscovery: true,
  }),
  { disableChallengeResourceVerification: true },
);

/** The latest stored secret for a tenant, or null; remembered for the leak check. */
async function storedFor(
  tenantId: string,
): Promise<{ value: string; version: string; tags: Record<string, string> } | null> {
  try {
    const s = await vault.getSecret(tenantId.toLowerCase());
    storedTokens.add(s.value!);
    return { value: s.value!, version: s.properties.version!, tags: s.properties.tags ?? {} };
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return null;
    throw e;
  }
}

async function connectViaWizard(
  page: Page,
  user: User,
  consent: Consent = 'accept-for-organization',
) {
  await page.goto('/connect');
  await expect(
    page.getByRole('heading', { name: 'Connect your Partner Center tenant' }),
  ).toBeVisible();
  await expect(page.getByText('Global Administrator', { exact: false }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByTestId('connect-start').click();
  await signInOnEmulator(page, user, CONNECT_DONE, consent);
}

async function expectErrorPage(page: Page, code: string) {
  await expect(page).toHaveURL(new RegExp(`/connect/error\\?code=${code}(&|$)`));
  await expect(page.getByTestId('connect-error-code')).toHaveText(code);
  await expectAccessible(page);
}

test.beforeAll(async () => {
  await control.reset();
});

test('partner A’s admin connects with password, TOTP and consent; success shows org, tenant, who and healthy with MFA', async ({
  browser,
}) => {
  const { context, page } = await freshContext(browser);
  await connectViaWizard(page, adminA);
  await expect(page).toHaveURL(/\/connect\/success$/);
  await expect(page.getByTestId('connected-org')).toHaveText(partnerA.name);
  await expect(page.getByTestId('connected-tenant')).toHaveText(partnerA.id.toLowerCase());
  await expect(page.getByTestId('connected-by')).toContainText(adminA.upn);
  await expect(page.getByTestId('health-status')).toHaveText('Healthy');
  await expect(page.getByTestId('health-mfa')).toContainText('Confirmed');
  await expectAccessible(page);
  await expect(page.getByTestId('health-days-left')).toContainText('90');

  const stored = await storedFor(partnerA.id);
  expect(stored?.tags).toMatchObject({
    connectedByUpn: adminA.upn,
    connectedByOid: adminA.oid,
    status: 'ok',
  });
  expect(stored?.tags.amr).toContain('mfa');

  // The result lives in an HttpOnly cookie only this browser has: another browser sees nothing.
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'pp_connect_result')).toMatchObject({
    httpOnly: true,
    sameSite: 'Lax',
    path: '/connect',
  });
  expect(cookies.find((c) => c.name === 'pp_connect_state')).toBeUndefined();
  const other = await freshContext(browser);
  await other.page.goto('/connect/success');
  await expect(other.page.getByRole('heading', { name: 'No recent connection' })).toBeVisible();
  expect(await other.page.content()).not.toContain(partnerA.id.toLowerCase());
});

test('the callback URL replayed in the same browser: state_replayed, and nothing changes', async ({
  browser,
}) => {
  const { page } = await freshContext(browser);
  let callbackUrl = '';
  page.on('request', (req) => {
    if (req.url().includes('/api/connect/callback')) callbackUrl = req.url();
  });
  await connectViaWizard(page, adminA);
  await expect(page).toHaveURL(/\/connect\/success$/);
  const before = await storedFor(partnerA.id);
  await page.goto(callbackUrl);
  // The state cookie was cleared on first use, but the state is remembered as consumed.
  await expectErrorPage(page, 'state_replayed');
  await expect(page.getByText('Nothing was stored.')).toBeVisible();
  expect((await storedFor(partnerA.id))?.version).toBe(before?.version);
});

test('tampered state: state_mismatch; no flow started in this browser: state_missing', async ({
  browser,
}) => {
  const { page } = await freshContext(browser);
  // Start a flow (sets the sealed state cookie) without going to Entra, then answer with a forged state.
  const start = await page.request.get('/api/connect/start', { maxRedirects: 0 });
  expect(start.status()).toBe(302);
  expect(start.headers()['location']).toContain(m.entra.browserHost);
  await page.goto('/api/connect/callback?code=forged-code&state=forged-state');
  await expectErrorPage(page, 'state_mismatch');

  const other = await freshContext(browser);
  await other.page.goto('/api/connect/callback?code=forged-code&state=forged-state');
  await expectErrorPage(other.page, 'state_missing');
  await other.page.goto('/api/connect/callback');
  await expectErrorPage(other.page, 'state_missing');
});

test('a user without MFA is refused with mfa_missing, and nothing is stored', async ({
  browser,
}) => {
  const { page } = await freshContext(browser);
  await connectViaWizard(page, seededUser(partnerB, 'nomfa'));
  await expectErrorPage(page, 'mfa_missing');
  await expect(page.getByTestId('connect-error-title')).toHaveText(
    'Multi-factor authentication was not used',
  );
  await expect(page.getByText(/aka\.ms\/mfasetup/)).toBeVisible();
  expect(await storedFor(partnerB.id)).toBeNull();
});

test('declining consent gives a clear page, and nothing is stored', async ({ browser }) => {
  const { page } = await freshContext(browser);
  await connectViaWizard(page, adminB, 'decline');
  await expectErrorPage(page, 'consent_declined');
  await expect(page.getByTestId('connect-error-title')).toHaveText(
    'Consent was declined or cancelled',
  );
  await expect(page.getByRole('link', { name: 'Start again' })).toBeVisible();
  expect(await storedFor(partnerB.id)).toBeNull();
});

test('health page: healthy with MFA; check now rotates; revoking through the control API shows revoked with the fix', async ({
  browser,
}) => {
  const { page } = await freshContext(browser);
  await signInToPortal(page, adminA, '/connections');
  await expect(page).toHaveURL(/\/connections$/);
  const card = page.getByTestId('connection-health');
  await expect(card).toHaveCount(1);
  await expect(page.getByTestId('health-status')).toHaveText('Healthy');
  await expect(page.getByTestId('health-mfa')).toContainText('Confirmed');

  const before = await storedFor(partnerA.id);
  await page.getByTestId('check-now').click();
  await expect(page.getByTestId('notice')).toContainText('Checked: the connection works');
  const after = await storedFor(partnerA.id);
  expect(after?.version).not.toBe(before?.version);

  await control.revokeUser(adminA.upn);
  await page.getByTestId('check-now').click();
  await expect(page.getByTestId('health-status')).toHaveText('Revoked');
  await expect(page.getByTestId('health-advice')).toContainText('AADSTS50173');
  await expect(page.getByTestId('health-advice')).toContainText('reconnects the tenant');
});

test('disconnect asks for confirmation, then soft-deletes; reconnecting just works', async ({
  browser,
}) => {
  const { page } = await freshContext(browser);
  await signInToPortal(page, adminA, '/connections');
  await page.getByTestId('disconnect').click();
  await expect(page).toHaveURL(new RegExp(`/connections/${partnerA.id.toLowerCase()}/disconnect$`));
  await expectAccessible(page);
  await page.getByTestId('confirm-disconnect').check();
  await page.getByTestId('disconnect-submit').click();
  await expect(page).toHaveURL(/\/connections\?disconnected=1$/);
  await expect(page.getByTestId('notice')).toContainText('Disconnected');
  await expect(page.getByTestId('no-connections')).toBeVisible();
  expect(await storedFor(partnerA.id)).toBeNull();

  await page.getByRole('link', { name: 'Connect', exact: true }).click();
  await page.getByTestId('connect-start').click();
  // This browser still has its Entra session: Entra may return at once (SSO) or ask again.
  await signInOnEmulator(page, adminA, CONNECT_DONE);
  await expect(page).toHaveURL(/\/connect\/success$/);
  await expect(page.getByTestId('health-status')).toHaveText('Healthy');
  expect((await storedFor(partnerA.id))?.tags.status).toBe('ok');
});

test('partner B’s admin cannot see or act on partner A’s connection', async ({ browser }) => {
  const b = await freshContext(browser);
  await connectViaWizard(b.page, adminB);
  await expect(b.page).toHaveURL(/\/connect\/success$/);
  await signInToPortal(b.page, adminB, '/connections');
  await expect(b.page.getByTestId('connection-health')).toHaveCount(1);
  await expect(b.page.getByTestId('connection-health')).toHaveAttribute(
    'data-tenant-id',
    partnerB.id.toLowerCase(),
  );
  expect(await b.page.content()).not.toContain(partnerA.id.toLowerCase());

  const aId = partnerA.id.toLowerCase();
  expect((await b.page.request.get(`/api/connections/${aId}`)).status()).toBe(404);
  const bToken = await b.page.locator('input[name="csrfToken"]').first().inputValue();
  const forged = await b.page.request.post(`/api/connections/${aId}/disconnect`, {
    headers: { accept: 'application/json', origin: new URL(b.page.url()).origin },
    form: { csrfToken: bToken, confirm: 'yes' },
  });
  expect([403, 404]).toContain(forged.status());
  const disconnectPage = await b.page.goto(`/connections/${aId}/disconnect`);
  expect(disconnectPage?.status()).toBe(404);
  expect(await storedFor(partnerA.id)).not.toBeNull();

  // A cross-site form post (no token, foreign Origin) is refused even for B's own tenant.
  const crossSite = await b.page.request.post(
    `/api/connections/${partnerB.id.toLowerCase()}/disconnect`,
    {
      headers: { accept: 'application/json', origin: 'https://evil.example' },
      form: { confirm: 'yes' },
    },
  );
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toMatchObject({ error: { code: 'csrf_failed' } });
  expect(await storedFor(partnerB.id)).not.toBeNull();
});

test('91 days of emulator time without use: check now shows expired with the fix', async ({
  browser,
}) => {
  const { page } = await freshContext(browser);
  await signInToPortal(page, adminB, '/connections');
  await control.advanceClock({ days: 91 });
  await page.getByTestId('check-now').click();
  await expect(page.getByTestId('health-status')).toHaveText('Expired');
  await expect(page.getByTestId('health-advice')).toContainText('AADSTS700082');
});

test.afterAll(async () => {
  await Promise.all(pending);
  for (const c of contexts) {
    for (const cookie of await c.cookies().catch(() => []))
      seen.push(`COOKIE ${cookie.name}=${cookie.value}`);
  }
  const all = seen.join('\n');
  expect(storedTokens.size).toBeGreaterThan(1);
  for (const token of storedTokens) expect(all.includes(token)).toBe(false);
  expect(all).not.toMatch(EMULATOR_RT);
  expect(all).not.toMatch(JWS);
});
