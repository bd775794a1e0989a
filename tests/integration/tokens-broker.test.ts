import type { TenantId } from '@/lib/ids/tenant-id';
import { getConfig } from '@/lib/config';
import { isEntraError } from '@/lib/entra/entra-error';
import { partnerCenterScopes } from '@/lib/entra/partner-center-scopes';
import { redeemRefreshToken } from '@/lib/entra/redeem-refresh-token';
import { createPartnerCenterClient } from '@/lib/partner-center';
import { ConnectionError, MemorySingleFlight, MemoryTokenCache, TokenBroker } from '@/lib/tokens';
import { deadGrantOf } from '@/lib/tokens/dead-grant-status';
import { getRefreshTokenStore, type RefreshTokenStore } from '@/lib/vault';
import { getSecretClient, resetSecretClientForTests } from '@/lib/vault/get-secret-client';
import { KeyVaultRefreshTokenStore } from '@/lib/vault/refresh-token-store';
import { control } from '../support/control';
import { seededTenants, seededUser } from '../support/manifest';
import { connectPartner } from '../support/connect-partner';

/**
 * The token broker with the real vault store (@azure/keyvault-secrets) and the real redemption
 * (msal-node) against the local cloud; only counters are wrapped around them.
 */
const { partnerA, partnerB } = seededTenants();
let store: RefreshTokenStore = getRefreshTokenStore();

function countingBroker(opts: { rotationIntervalMs?: number } = {}) {
  const counts = { vaultReads: 0, redemptions: 0 };
  const config = getConfig();
  const broker = new TokenBroker({
    store: {
      get: (t) => {
        counts.vaultReads++;
        return store.get(t);
      },
      save: (t, rt, tags) => store.save(t, rt, tags),
      updateTags: (t, patch) => store.updateTags(t, patch),
    },
    redeem: (input) => {
      counts.redemptions++;
      return redeemRefreshToken(input);
    },
    cache: new MemoryTokenCache(),
    flight: new MemorySingleFlight(),
    now: Date.now,
    defaultResource: config.PARTNER_CENTER_RESOURCE,
    scopesFor: () => partnerCenterScopes(),
    rotationIntervalMs: opts.rotationIntervalMs ?? 24 * 3600_000,
    isDeadGrant: deadGrantOf,
  });
  return { broker, counts };
}

let tenantA: TenantId;

beforeAll(async () => {
  await control.reset();
  tenantA = await connectPartner('partnerA');
});

afterEach(async () => {
  await control.clearFaults();
});

describe('token broker against the local cloud', () => {
  test('25 concurrent cold requests: one Key Vault read, one redemption, a token Partner Center accepts', async () => {
    const { broker, counts } = countingBroker();
    const tokens = await Promise.all(
      Array.from({ length: 25 }, () => broker.getAccessToken(tenantA)),
    );
    expect(counts).toEqual({ vaultReads: 1, redemptions: 1 });
    expect(new Set(tokens).size).toBe(1);

    const profile = await createPartnerCenterClient(() =>
      broker.getAccessToken(tenantA),
    ).getOrganizationProfile();
    expect(profile.companyName).toBe(partnerA.name);
    expect(counts).toEqual({ vaultReads: 1, redemptions: 1 });
  });

  test('write-behind rotation stores a new version whose refresh token works', async () => {
    const before = await store.get(tenantA);
    const { broker } = countingBroker({ rotationIntervalMs: 0 });
    await broker.getAccessToken(tenantA);
    await broker.idle();
    const after = await store.get(tenantA);
    expect(after?.version).not.toBe(before?.version);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(Date.parse(after!.tags.rotatedAt)).toBeGreaterThan(Date.parse(before!.tags.rotatedAt));
    expect(after?.tags.connectedByUpn).toBe(before?.tags.connectedByUpn);
    // The written-back token redeems (a fresh broker reads it from the vault).
    await expect(countingBroker().broker.redeemNow(tenantA)).resolves.toMatchObject({
      tenantId: tenantA,
    });
  });

  test('a tenant without a connection: connection_missing, no redemption', async () => {
    const { broker, counts } = countingBroker();
    await expect(broker.getAccessToken(partnerB.id)).rejects.toMatchObject({
      code: 'connection_missing',
    });
    expect(counts.redemptions).toBe(0);
  });

  test('after Entra revokes the admin’s sessions: AADSTS50173, marked revoked, fails fast afterwards', async () => {
    const { broker, counts } = countingBroker();
    await control.revokeUser(seededUser(partnerA, 'admin').upn);
    const error = (await broker.redeemNow(tenantA).catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.code).toBe('connection_needs_reconnect');
    expect(error.advice?.code).toBe('AADSTS50173');
    expect(isEntraError(error.cause)).toBe(true);
    expect((await store.get(tenantA))?.tags).toMatchObject({
      status: 'revoked',
      lastErrorCode: 'AADSTS50173',
    });

    await expect(broker.getAccessToken(tenantA)).rejects.toMatchObject({
      code: 'connection_needs_reconnect',
    });
    expect(counts.redemptions).toBe(1);

    // Reconnecting writes a healthy connection and tokens flow again.
    await connectPartner('partnerA');
    await expect(countingBroker().broker.getAccessToken(tenantA)).resolves.toEqual(
      expect.any(String),
    );
  });

  test('91 days without use: AADSTS700082, marked expired', async () => {
    await control.advanceClock({ days: 91 });
    // The vault credential's cached token is now expired in emulator time: use a fresh client.
    resetSecretClientForTests();
    store = new KeyVaultRefreshTokenStore(getSecretClient());
    const { broker } = countingBroker();
    await expect(broker.getAccessToken(tenantA)).rejects.toMatchObject({
      code: 'connection_needs_reconnect',
      advice: { code: 'AADSTS700082' },
    });
    expect((await store.get(tenantA))?.tags.status).toBe('expired');
  });
});
