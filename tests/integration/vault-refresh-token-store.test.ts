import { getSecretClient } from '@/lib/vault/get-secret-client';
import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { resetConfigForTests } from '@/lib/config';
import { getRefreshTokenStore, type ConnectionTags } from '@/lib/vault';
import { KeyVaultRefreshTokenStore } from '@/lib/vault/refresh-token-store';
import { SecretClient } from '@azure/keyvault-secrets';
import { ClientSecretCredential } from '@azure/identity';
import { control } from '../support/control';
import { loadManifest } from '../support/manifest';

/**
 * The refresh-token store through the real @azure/identity and @azure/keyvault-secrets against
 * the Key Vault emulator (401 challenge, app credential for the home tenant, soft delete).
 */
const m = loadManifest();
const TENANT = toTenantId('0f0e0d0c-0b0a-4909-8807-060504030201');
const tags: ConnectionTags = {
  connectedByOid: '11111111-2222-4333-8444-555555555555',
  connectedByUpn: 'admin@contoso.example',
  connectedAt: '2026-01-01T00:00:00.000Z',
  amr: 'pwd mfa',
  scopes: 'https://api.partnercenter.microsoft.com/user_impersonation',
  rotatedAt: '2026-01-01T00:00:00.000Z',
};

beforeEach(async () => {
  await control.reset();
});

describe('KeyVaultRefreshTokenStore against the Key Vault emulator', () => {
  const store = getRefreshTokenStore();

  test('save → get → updateTags → list, with versions kept and values never listed', async () => {
    const v1 = await store.save(TENANT, 'refresh-token-one', tags);
    const v2 = await store.save(TENANT, 'refresh-token-two', {
      ...tags,
      rotatedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(v2.version).not.toBe(v1.version);
    await store.updateTags(TENANT, {
      lastRedeemedAt: '2026-01-03T00:00:00.000Z',
      orgName: 'Contoso',
    });

    const got = await store.get(toTenantId(TENANT.toUpperCase()));
    expect(got).toMatchObject({
      tenantId: TENANT,
      refreshToken: 'refresh-token-two',
      version: v2.version,
    });
    expect(got?.tags).toMatchObject({
      ...tags,
      rotatedAt: '2026-01-02T00:00:00.000Z',
      lastRedeemedAt: '2026-01-03T00:00:00.000Z',
      orgName: 'Contoso',
      status: 'ok',
    });

    const listed = await store.list();
    expect(listed).toEqual([
      expect.objectContaining({
        tenantId: TENANT,
        tags: expect.objectContaining({ orgName: 'Contoso' }),
      }),
    ]);
    expect(JSON.stringify(listed)).not.toContain('refresh-token');

    // History: both versions remain readable through the SDK.
    const client = new SecretClient(process.env.KEY_VAULT_URL!, appCredential(), {
      disableChallengeResourceVerification: true,
    });
    const versions: string[] = [];
    for await (const p of client.listPropertiesOfSecretVersions(TENANT)) versions.push(p.version!);
    expect(versions).toEqual(expect.arrayContaining([v1.version, v2.version]));
  });

  test('disconnect soft-deletes; get and list are empty; a new save recovers and writes on top (no 409)', async () => {
    await store.save(TENANT, 'refresh-token-one', tags);
    await store.disconnect(TENANT, { oid: 'actor-oid' });
    await expect(store.get(TENANT)).resolves.toBeNull();
    await expect(store.list()).resolves.toEqual([]);
    const saved = await store.save(TENANT, 'refresh-token-two', tags);
    expect(saved.refreshToken).toBe('refresh-token-two');
    await expect(store.get(TENANT)).resolves.toMatchObject({
      refreshToken: 'refresh-token-two',
      tags: expect.objectContaining({ status: 'ok' }),
    });
  });

  test('purge after a disconnect deletes permanently: nothing left to recover, and a new save starts a fresh history', async () => {
    await store.save(TENANT, 'refresh-token-old', tags);
    await store.disconnect(TENANT, { oid: 'actor-oid' });
    await store.purge(TENANT);
    const client = getSecretClient();
    await expect(client.getDeletedSecret(TENANT)).rejects.toMatchObject({ statusCode: 404 });
    const fresh = await store.save(TENANT, 'refresh-token-new', tags);
    const versions: string[] = [];
    for await (const v of client.listPropertiesOfSecretVersions(TENANT))
      versions.push(v.version ?? '');
    expect(versions).toEqual([fresh.version]);
  });

  test('absent tenant → null; malformed id refused before any request', async () => {
    await expect(store.get(TENANT)).resolves.toBeNull();
    await expect(store.get('not-a-guid' as TenantId)).rejects.toMatchObject({
      code: 'vault_invalid_name',
    });
  });

  test('no role on the vault → vault_forbidden', async () => {
    const principal = m.keyVault!.roleAssignments[0]!.principalId;
    await control.removeVaultRole(principal);
    await expect(store.save(TENANT, 'x', tags)).rejects.toMatchObject({ code: 'vault_forbidden' });
    await expect(store.list()).rejects.toMatchObject({ code: 'vault_forbidden' });
  });

  test('a wrong app secret → vault_credential_failed', async () => {
    const bad = new KeyVaultRefreshTokenStore(
      new SecretClient(process.env.KEY_VAULT_URL!, appCredential('wrong-secret'), {
        disableChallengeResourceVerification: true,
        retryOptions: { maxRetries: 0 },
      }),
    );
    await expect(bad.get(TENANT)).rejects.toMatchObject({ code: 'vault_credential_failed' });
  });

  test('the vault dropping connections → vault_unreachable', async () => {
    await control.addFault({ service: 'keyvault', route: '^GET /secrets', kind: 'drop' });
    try {
      await expect(store.get(TENANT)).rejects.toMatchObject({ code: 'vault_unreachable' });
    } finally {
      await control.clearFaults();
    }
  });
});

function appCredential(secret = m.portalApp.clientSecret) {
  resetConfigForTests();
  return new ClientSecretCredential(m.portalApp.tenantId, m.portalApp.clientId, secret, {
    authorityHost: m.entra.authorityHost,
    disableInstanceDiscovery: true,
  });
}
