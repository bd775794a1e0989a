import { randomUUID } from 'node:crypto';
import { consentOffTenant, loadManifest, seededUser } from '../support/manifest';
import { authorizeUrl, entraState } from './entra-raw-client';
import { driveSignIn } from './entra-sign-in-driver';
import { PARTNER_CENTER } from './entra-token-checks';

/**
 * A tenant with user consent off ("Users can consent to apps: Do not allow"): only an admin may
 * consent, and only for the whole organization. Anyone else who meets a permission nobody
 * granted stops on Entra's "Need admin approval" page (AADSTS90094); the app hears nothing.
 * Once the admin consented for everyone, users sign in without any consent page, as long as
 * they ask for no more than was granted.
 */
const m = loadManifest();
const tenant = consentOffTenant(m);
const redirectUri = m.portalApp.redirectUris[0]!;

const params = (scope: string) => ({
  client_id: m.portalApp.clientId,
  response_type: 'code',
  redirect_uri: redirectUri,
  scope,
  state: randomUUID(),
});
const CONNECT = `${PARTNER_CENTER}/user_impersonation openid profile offline_access`;

test('the manifest lists the tenant with user consent off', () => {
  expect(tenant.userConsent).toBe('off');
  expect(m.tenants.filter((t) => t.userConsent === 'off').map((t) => t.id)).toEqual([tenant.id]);
});

test('staff meet "Need admin approval" (AADSTS90094) and no grant is recorded', async () => {
  const before = await entraState(m);
  const r = await driveSignIn(
    authorizeUrl(m, tenant.id, params(CONNECT)),
    seededUser(tenant, 'staff'),
  );
  expect(r.redirect).toBeUndefined();
  expect(r.pages).not.toContain('consent');
  expect(r.stuck?.status).toBe(400);
  expect(r.stuck?.html).toContain('AADSTS90094');
  expect(r.stuck?.html).toContain('Need admin approval');
  expect((await entraState(m)).grants).toBe(before.grants);
});

test('the admin consents for the organization; staff then sign in with no consent page, but not for more', async () => {
  const admin = await driveSignIn(
    authorizeUrl(m, tenant.id, params(CONNECT)),
    seededUser(tenant, 'admin'),
    { consent: 'accept-for-organization' },
  );
  expect(admin.pages).toContain('consent');
  expect(admin.redirect?.searchParams.get('code')).toBeTruthy();

  const staff = await driveSignIn(
    authorizeUrl(m, tenant.id, params(CONNECT)),
    seededUser(tenant, 'staff'),
  );
  expect(staff.pages).not.toContain('consent');
  expect(staff.redirect?.searchParams.get('code')).toBeTruthy();

  // A permission the admin did not grant (email) stops them again.
  const more = await driveSignIn(
    authorizeUrl(m, tenant.id, params(`${CONNECT} email`)),
    seededUser(tenant, 'staff'),
  );
  expect(more.stuck?.html).toContain('AADSTS90094');
});
