import type { TenantId } from '@/lib/ids/tenant-id';
import type { SessionUser } from '@/lib/auth';
import {
  canDisconnect,
  checkConnectionNow,
  computeHealth,
  disconnectConnection,
  getConnectionHealth,
  listConnectionHealth,
} from '@/lib/connections';
import { partnerCenterScopes } from '@/lib/entra/partner-center-scopes';
import { redeemRefreshToken } from '@/lib/entra/redeem-refresh-token';
import { getSecretClient, resetSecretClientForTests } from '@/lib/vault/get-secret-client';
import { KeyVaultRefreshTokenStore } from '@/lib/vault/refresh-token-store';
import { handleConnectCallback } from '@/lib/connect/handle-connect-callback';
import { startConnect } from '@/lib/connect/start-connect';
import { getRefreshTokenStore } from '@/lib/vault';
import { control } from '../support/control';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { driveSignIn } from './entra-sign-in-driver';

/**
 * Connection health and its actions against the local cloud: check now rotates the token,
 * revocation and 91 days of emulator time show up as revoked and expired with their advice,
 * disconnect, and who may see or act on which connection.
 */
const m = loadManifest();
const { home, partnerA, partnerB } = seededTenants(m);
const adminA = seededUser(partnerA, 'admin');
const store = getRefreshTokenStore();

const userOf = (tid: TenantId, oid: string, roles: Partial<SessionUser> = {}): SessionUser => ({
  tid,
  oid,
  sid: 'test-session-0123456789',
  name: 'x',
  upn: 'x',
  roles: [],
  isPartnerAdmin: false,
  isOperator: false,
  ...roles,
});
const partnerAdminA = userOf(partnerA.id, adminA.oid, { isPartnerAdmin: true });
const partnerAdminB = userOf(partnerB.id, seededUser(partnerB, 'admin').oid, {
  isPartnerAdmin: true,
});
const staffA = userOf(partnerA.id, seededUser(partnerA, 'staff').oid);
const operator = userOf(home.id, seededUser(home, 'operator').oid, { isOperator: true });

async function connectA() {
  const { authorizeUrl, cookie } = await startConnect();
  const signIn = await driveSignIn(authorizeUrl, adminA);
  return handleConnectCallback({ query: signIn.redirect!.searchParams, stateCookie: cookie.value });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'no failure',
    (e: { code: string }) => e.code,
  );
}

beforeEach(async () => {
  await control.reset();
  await connectA();
});

describe('connection health against the emulator', () => {
  test('healthy with MFA confirmed right after connecting; check now rotates the refresh token', async () => {
    const health = await getConnectionHealth(partnerAdminA, partnerA.id);
    expect(health).toMatchObject({
      status: 'healthy',
      mfa: 'confirmed',
      daysLeft: 90,
      orgName: partnerA.name,
    });
    const before = await store.get(partnerA.id);
    const outcome = await checkConnectionNow(partnerAdminA, partnerA.id);
    expect(outcome).toMatchObject({ ok: true, health: { status: 'healthy' } });
    const after = await store.get(partnerA.id);
    expect(after?.version).not.toBe(before?.version);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
  });

  test('revoking the user through the control API shows revoked with the 50173 fix', async () => {
    await control.revokeUser(adminA.upn);
    const outcome = await checkConnectionNow(partnerAdminA, partnerA.id);
    expect(outcome).toMatchObject({
      ok: false,
      code: 'AADSTS50173',
      health: { status: 'revoked', advice: { code: 'AADSTS50173', needsReconnect: true } },
    });
  });

  test('91 days of emulator time without use: redemption fails with 700082 and health computed at emulator time is expired', async () => {
    await control.advanceClock({ days: 91 });
    // The process-wide vault client holds a Key Vault token that is expired in emulator time
    // (see the report: the vault emulator answers that with a plain 401, not a CAE challenge).
    resetSecretClientForTests();
    const fresh = new KeyVaultRefreshTokenStore(getSecretClient());
    const record = (await fresh.get(partnerA.id))!;
    await expect(
      redeemRefreshToken({
        tenantId: partnerA.id,
        refreshToken: record.refreshToken,
        scopes: partnerCenterScopes(),
      }),
    ).rejects.toMatchObject({
      aadsts: 700082,
      grantIsDead: true,
      advice: { code: 'AADSTS700082', needsReconnect: true },
    });
    const { now } = (await fetch(`${m.control.url}/clock`).then((r) => r.json())) as {
      now: number;
    };
    expect(computeHealth(record, now)).toMatchObject({
      status: 'expired',
      daysLeft: 0,
      advice: { code: 'AADSTS700082' },
    });
  });

  test('who may see and act: own admin yes; other partner admin and staff no (404 / 403); operator sees all and may disconnect (the kill switch) but not check', async () => {
    expect(await listConnectionHealth(partnerAdminA)).toHaveLength(1);
    expect(await listConnectionHealth(partnerAdminB)).toEqual([]);
    expect(await codeOf(getConnectionHealth(partnerAdminB, partnerA.id))).toBe(
      'connection_not_found',
    );
    expect(await codeOf(checkConnectionNow(partnerAdminB, partnerA.id))).toBe(
      'connection_not_found',
    );
    expect(await codeOf(disconnectConnection(partnerAdminB, partnerA.id))).toBe(
      'connection_not_found',
    );
    expect(await codeOf(listConnectionHealth(staffA))).toBe('forbidden_not_admin');
    expect((await listConnectionHealth(operator)).map((h) => h.tenantId)).toEqual([
      partnerA.id.toLowerCase(),
    ]);
    // The operator's kill switch: allowed to disconnect any partner (not run here: later tests
    // need partner A connected), never to act on a connection as its admin does.
    expect(canDisconnect(operator, partnerA.id)).toBe(true);
    expect(canDisconnect(partnerAdminB, partnerA.id)).toBe(false);
    expect(canDisconnect(staffA, partnerA.id)).toBe(false);
    await expect(store.get(partnerA.id)).resolves.not.toBeNull();
  });

  test('disconnect by the admin removes it from health; reconnect brings it back healthy', async () => {
    await disconnectConnection(partnerAdminA, partnerA.id);
    expect(await listConnectionHealth(partnerAdminA)).toEqual([]);
    expect(await codeOf(checkConnectionNow(partnerAdminA, partnerA.id))).toBe(
      'connection_not_found',
    );
    await connectA();
    expect(await getConnectionHealth(partnerAdminA, partnerA.id)).toMatchObject({
      status: 'healthy',
    });
  });
});
