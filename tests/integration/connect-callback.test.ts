import type { TenantId } from '@/lib/ids/tenant-id';
import { resetConfigForTests } from '@/lib/config';
import { handleConnectCallback } from '@/lib/connect/handle-connect-callback';
import { startConnect } from '@/lib/connect/start-connect';
import { getRefreshTokenStore } from '@/lib/vault';
import { control } from '../support/control';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { driveSignIn, type SignInOptions } from './entra-sign-in-driver';

/**
 * The connect callback against the local Microsoft cloud, through the real msal-node,
 * @azure/identity and @azure/keyvault-secrets: the success path, and each failure path with its
 * stable code and nothing stored in Key Vault.
 */
const m = loadManifest();
const { home, partnerA, partnerB } = seededTenants(m);
const adminA = seededUser(partnerA, 'admin');
const store = getRefreshTokenStore();
const originalEnv = { ...process.env };

type User = ReturnType<typeof seededUser>;

/** Start the flow as the portal does, sign in through the emulator's pages, return what comes back. */
async function signIn(user: User, opts: SignInOptions = {}) {
  const { authorizeUrl, cookie } = await startConnect();
  const result = await driveSignIn(authorizeUrl, user, opts);
  if (!result.redirect)
    throw new Error(
      `sign-in did not return to the portal: ${JSON.stringify(result.stuck?.html.slice(0, 300))}`,
    );
  expect(
    result.redirect.toString().startsWith(`${process.env.PORTAL_URL}/api/connect/callback`),
  ).toBe(true);
  return { query: result.redirect.searchParams, stateCookie: cookie.value };
}

async function failureCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no failure';
}

async function expectNothingStored(tenantId: TenantId) {
  await expect(store.get(tenantId)).resolves.toBeNull();
}

beforeEach(async () => {
  await control.reset();
});

afterEach(() => {
  process.env = { ...originalEnv };
  resetConfigForTests();
});

describe('connect callback against the emulator', () => {
  test('success: partner A admin with TOTP and consent; refresh token stored with tags, MFA confirmed', async () => {
    const cb = await signIn(adminA);
    const result = await handleConnectCallback(cb);
    expect(result).toMatchObject({
      tenantId: partnerA.id.toLowerCase(),
      orgName: partnerA.name,
      connectedByOid: adminA.oid,
      connectedByUpn: adminA.upn,
    });

    const record = await store.get(partnerA.id);
    expect(record?.refreshToken).toEqual(expect.any(String));
    expect(record?.refreshToken.length).toBeGreaterThan(20);
    expect(record?.tags).toMatchObject({
      connectedByOid: adminA.oid,
      connectedByUpn: adminA.upn,
      status: 'ok',
      orgName: partnerA.name,
      scopes: expect.stringContaining('user_impersonation'),
    });
    expect(record?.tags.amr.split(' ')).toEqual(expect.arrayContaining(['pwd', 'mfa']));
    expect(Date.parse(record!.tags.connectedAt)).not.toBeNaN();
  });

  test('the same callback twice: state_replayed, and the stored version is unchanged', async () => {
    const cb = await signIn(adminA);
    await handleConnectCallback(cb);
    const before = await store.get(partnerA.id);
    expect(await failureCode(handleConnectCallback(cb))).toBe('state_replayed');
    expect((await store.get(partnerA.id))?.version).toBe(before?.version);
  });

  test('state missing (no cookie), mismatched (tampered) and expired each have their own code; nothing stored', async () => {
    const cb = await signIn(adminA);
    expect(
      await failureCode(handleConnectCallback({ query: cb.query, stateCookie: undefined })),
    ).toBe('state_missing');
    const tampered = new URLSearchParams(cb.query);
    tampered.set('state', `${cb.query.get('state')}x`);
    expect(
      await failureCode(handleConnectCallback({ query: tampered, stateCookie: cb.stateCookie })),
    ).toBe('state_mismatch');
    expect(
      await failureCode(handleConnectCallback({ ...cb, now: Date.now() + 11 * 60 * 1000 })),
    ).toBe('state_expired');
    await expectNothingStored(partnerA.id);
  });

  test('a reused authorization code under a fresh, valid state: code_reused (AADSTS54005); stored version unchanged', async () => {
    const cb = await signIn(adminA);
    await handleConnectCallback(cb);
    const stored = await store.get(partnerA.id);
    // A second flow in the same browser, answered with the first flow's (already redeemed) code.
    const { authorizeUrl, cookie } = await startConnect();
    const replay = new URLSearchParams({
      code: cb.query.get('code')!,
      state: new URL(authorizeUrl).searchParams.get('state')!,
    });
    expect(
      await failureCode(handleConnectCallback({ query: replay, stateCookie: cookie.value })),
    ).toBe('code_reused');
    expect((await store.get(partnerA.id))?.version).toBe(stored?.version);
  });

  test('declined consent: consent_declined; nothing stored', async () => {
    const cb = await signIn(seededUser(partnerB, 'admin'), { consent: 'decline' });
    expect(cb.query.get('error')).toBe('access_denied');
    expect(await failureCode(handleConnectCallback(cb))).toBe('consent_declined');
    await expectNothingStored(partnerB.id);
  });

  test('a user without MFA: mfa_missing; nothing stored', async () => {
    const cb = await signIn(seededUser(partnerA, 'nomfa'));
    expect(await failureCode(handleConnectCallback(cb))).toBe('mfa_missing');
    await expectNothingStored(partnerA.id);
  });

  test('a staff user with MFA but no admin role: not_partner_admin; nothing stored or replaced', async () => {
    const staffA = seededUser(partnerA, 'staff');
    const first = await signIn(staffA);
    expect(await failureCode(handleConnectCallback(first))).toBe('not_partner_admin');
    await expectNothingStored(partnerA.id);

    // An existing connection is not replaced either.
    await handleConnectCallback(await signIn(adminA));
    const before = await store.get(partnerA.id);
    const again = await signIn(staffA);
    expect(await failureCode(handleConnectCallback(again))).toBe('not_partner_admin');
    const after = await store.get(partnerA.id);
    expect(after?.version).toBe(before?.version);
    expect(after?.tags.connectedByOid).toBe(adminA.oid);
  });

  test('a tenant that is not a partner (the home tenant): tenant_not_partner; nothing stored', async () => {
    const cb = await signIn(seededUser(home, 'operator'));
    expect(await failureCode(handleConnectCallback(cb))).toBe('tenant_not_partner');
    await expectNothingStored(home.id);
  });

  test('a partner not on the allow-list: tenant_not_allowed; nothing stored', async () => {
    process.env.PARTNER_TENANT_ALLOWLIST = partnerB.id;
    resetConfigForTests();
    const cb = await signIn(adminA);
    expect(await failureCode(handleConnectCallback(cb))).toBe('tenant_not_allowed');
    await expectNothingStored(partnerA.id);
  });

  test('a wrong client secret at code redemption: AADSTS7000215; nothing stored', async () => {
    const cb = await signIn(adminA);
    process.env.ENTRA_CLIENT_SECRET = 'wrong-secret-value';
    resetConfigForTests();
    expect(await failureCode(handleConnectCallback(cb))).toBe('AADSTS7000215');
    process.env = { ...originalEnv };
    resetConfigForTests();
    await expectNothingStored(partnerA.id);
  });

  test('Key Vault forbids the portal: vault_forbidden; nothing stored', async () => {
    const principal = m.keyVault!.roleAssignments[0]!.principalId;
    const cb = await signIn(adminA);
    await control.removeVaultRole(principal);
    expect(await failureCode(handleConnectCallback(cb))).toBe('vault_forbidden');
    await control.setVaultRole(principal, 'Key Vault Secrets Officer');
    await expectNothingStored(partnerA.id);
  });

  test('Key Vault unavailable: vault_unreachable; nothing stored', async () => {
    const cb = await signIn(adminA);
    await control.addFault({
      service: 'keyvault',
      route: '^PUT /secrets/',
      kind: 'status',
      status: 503,
      retryAfter: 0,
    });
    expect(await failureCode(handleConnectCallback(cb))).toBe('vault_unreachable');
    await control.clearFaults();
    await expectNothingStored(partnerA.id);
  });

  test('reconnect after disconnect: no 409, a new version on top of the recovered history', async () => {
    await handleConnectCallback(await signIn(adminA));
    const first = await store.get(partnerA.id);
    await store.disconnect(partnerA.id, { oid: adminA.oid });
    await expectNothingStored(partnerA.id);
    await handleConnectCallback(await signIn(adminA));
    const second = await store.get(partnerA.id);
    expect(second?.tags.status).toBe('ok');
    expect(second?.version).not.toBe(first?.version);
  });
});
