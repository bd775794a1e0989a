import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import type { SecretClient } from '@azure/keyvault-secrets';
import { KeyVaultRefreshTokenStore } from '@/lib/vault/refresh-token-store';
import { fromVaultTags, toVaultTags, type ConnectionTags } from '@/lib/vault/connection-tags';
import { VaultError } from '@/lib/vault/vault-error';
import { toVaultError } from '@/lib/vault/to-vault-error';

const TENANT = toTenantId('AAAAAAAA-1111-4222-8333-444444444444');
const NAME: string = TENANT;

const tags: ConnectionTags = {
  connectedByOid: 'oid-1',
  connectedByUpn: 'admin@a.example',
  connectedAt: '2026-01-01T00:00:00.000Z',
  amr: 'pwd mfa',
  scopes: 'https://api.partnercenter.microsoft.com/user_impersonation',
  rotatedAt: '2026-01-01T00:00:00.000Z',
};

function restError(statusCode: number | undefined, code = 'X'): Error {
  return Object.assign(new Error(`rest ${statusCode}`), { name: 'RestError', statusCode, code });
}

/**
 * A fake SecretClient at the SDK boundary: versions per name, soft delete with 409 on reuse,
 * recovery. Just enough Key Vault semantics to test the store's own logic.
 */
function fakeVault() {
  type Version = {
    value: string;
    version: string;
    tags: Record<string, string>;
    updatedOn: Date;
    enabled: boolean;
  };
  const live = new Map<string, Version[]>();
  const deleted = new Map<string, Version[]>();
  let n = 0;
  const latest = (name: string) => {
    const v = live.get(name)?.at(-1);
    if (!v) throw restError(404, 'SecretNotFound');
    return v;
  };
  const props = (name: string, v: Version) => ({
    name,
    version: v.version,
    tags: v.tags,
    updatedOn: v.updatedOn,
    enabled: v.enabled,
  });
  const client = {
    setSecret: jest.fn(
      async (name: string, value: string, o: { tags?: Record<string, string> }) => {
        if (deleted.has(name)) throw restError(409, 'Conflict');
        const v = {
          value,
          version: `v${++n}`,
          tags: o.tags ?? {},
          updatedOn: new Date(),
          enabled: true,
        };
        live.set(name, [...(live.get(name) ?? []), v]);
        return { name, value, properties: props(name, v) };
      },
    ),
    getSecret: jest.fn(async (name: string) => {
      const v = latest(name);
      return { name, value: v.value, properties: props(name, v) };
    }),
    updateSecretProperties: jest.fn(
      async (name: string, version: string, o: { tags: Record<string, string> }) => {
        const v = live.get(name)?.find((x) => x.version === version);
        if (!v) throw restError(404);
        v.tags = o.tags;
        return props(name, v);
      },
    ),
    listPropertiesOfSecrets: jest.fn(async function* () {
      for (const [name, versions] of live) yield props(name, versions.at(-1)!);
    }),
    beginDeleteSecret: jest.fn(async (name: string) => {
      const versions = live.get(name);
      if (!versions) throw restError(404);
      live.delete(name);
      deleted.set(name, versions);
      return { pollUntilDone: async () => ({}) };
    }),
    beginRecoverDeletedSecret: jest.fn(async (name: string) => {
      const versions = deleted.get(name);
      if (!versions) throw restError(404);
      deleted.delete(name);
      live.set(name, versions);
      return { pollUntilDone: async () => ({}) };
    }),
  };
  return {
    client,
    live,
    deleted,
    store: new KeyVaultRefreshTokenStore(client as unknown as SecretClient),
  };
}

describe('KeyVaultRefreshTokenStore', () => {
  it('saves under the lower-cased tenant id with tags and reads the latest version back', async () => {
    const { store, live } = fakeVault();
    await store.save(TENANT, 'rt-1', tags);
    const saved = await store.save(TENANT, 'rt-2', {
      ...tags,
      rotatedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(saved.version).toBe('v2');
    expect(live.get(NAME)).toHaveLength(2); // history kept
    const got = await store.get(TENANT);
    expect(got).toMatchObject({ tenantId: NAME, refreshToken: 'rt-2', version: 'v2' });
    expect(got?.tags).toMatchObject({
      ...tags,
      rotatedAt: '2026-01-02T00:00:00.000Z',
      status: 'ok',
    });
  });

  it('returns null for an absent tenant and refuses a malformed id before calling Key Vault', async () => {
    const { store, client } = fakeVault();
    await expect(store.get(TENANT)).resolves.toBeNull();
    await expect(store.get('../secrets/x' as TenantId)).rejects.toMatchObject({
      code: 'vault_invalid_name',
    });
    expect(client.getSecret).toHaveBeenCalledTimes(1);
  });

  it('merges tag patches into the latest version without touching the value', async () => {
    const { store, client } = fakeVault();
    await store.save(TENANT, 'rt-1', tags);
    await store.updateTags(TENANT, {
      lastRedeemedAt: '2026-02-01T00:00:00.000Z',
      status: 'revoked',
      lastErrorCode: 'AADSTS50173',
    });
    const got = await store.get(TENANT);
    expect(got?.refreshToken).toBe('rt-1');
    expect(got?.tags).toMatchObject({
      connectedByOid: 'oid-1',
      status: 'revoked',
      lastErrorCode: 'AADSTS50173',
    });
    expect(client.setSecret).toHaveBeenCalledTimes(1);
  });

  it('lists tenant secrets without reading values, skipping foreign secrets', async () => {
    const { store, client } = fakeVault();
    await store.save(TENANT, 'rt-1', tags);
    await client.setSecret('some-other-secret', 'x', {});
    const list = await store.list();
    expect(list).toEqual([
      {
        tenantId: NAME,
        tags: expect.objectContaining({ connectedByUpn: 'admin@a.example' }),
        updatedOn: expect.any(Date),
      },
    ]);
    expect(client.getSecret).not.toHaveBeenCalled();
  });

  it('disconnects by marking then soft-deleting; get and list then see nothing', async () => {
    const { store, deleted } = fakeVault();
    await store.save(TENANT, 'rt-1', tags);
    await store.disconnect(TENANT, { oid: 'admin-oid' });
    expect(deleted.get(NAME)?.at(-1)?.tags).toMatchObject({
      status: 'disconnected',
      disconnectedByOid: 'admin-oid',
    });
    await expect(store.get(TENANT)).resolves.toBeNull();
    await expect(store.list()).resolves.toEqual([]);
    await expect(store.disconnect(TENANT)).resolves.toBeUndefined(); // idempotent
  });

  it('reconnects after a disconnect without a 409: recovers, keeps history, writes a new version', async () => {
    const { store, live } = fakeVault();
    await store.save(TENANT, 'rt-1', tags);
    await store.disconnect(TENANT);
    const saved = await store.save(TENANT, 'rt-2', tags);
    expect(saved.refreshToken).toBe('rt-2');
    expect(live.get(NAME)?.map((v) => v.value)).toEqual(['rt-1', 'rt-2']);
    expect((await store.get(TENANT))?.tags.status).toBe('ok');
  });

  it('maps SDK failures to VaultError codes', async () => {
    const { store, client } = fakeVault();
    client.getSecret.mockRejectedValueOnce(restError(403, 'Forbidden'));
    await expect(store.get(TENANT)).rejects.toMatchObject({ code: 'vault_forbidden' });
    client.getSecret.mockRejectedValueOnce(restError(undefined, 'REQUEST_SEND_ERROR'));
    await expect(store.get(TENANT)).rejects.toBeInstanceOf(VaultError);
  });
});

describe('toVaultError', () => {
  it.each([
    [restError(403), 'vault_forbidden'],
    [restError(401), 'vault_forbidden'],
    [restError(503), 'vault_unreachable'],
    [restError(429), 'vault_unreachable'],
    [restError(undefined, 'REQUEST_SEND_ERROR'), 'vault_unreachable'],
    [Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), 'vault_unreachable'],
    [
      Object.assign(new Error('no token'), { name: 'AuthenticationError' }),
      'vault_credential_failed',
    ],
    [
      Object.assign(new Error('no token'), { name: 'CredentialUnavailableError' }),
      'vault_credential_failed',
    ],
    [restError(400), 'vault_error'],
    ['a string', 'vault_error'],
  ])('%p → %s', (e, code) => expect(toVaultError(e).code).toBe(code));
});

describe('connection tags', () => {
  it('keeps within Key Vault limits: ≤15 tags, values ≤256 characters', () => {
    const out = toVaultTags({
      ...tags,
      orgName: 'x'.repeat(400),
      status: 'ok',
      lastRedeemedAt: 'a',
      lastErrorCode: 'b',
      lastErrorAt: 'c',
      disconnectedAt: 'd',
      disconnectedByOid: 'e',
    });
    expect(Object.keys(out).length).toBeLessThanOrEqual(15);
    expect(out.orgName).toHaveLength(256);
  });

  it('round-trips and ignores unknown tags and statuses', () => {
    expect(fromVaultTags(toVaultTags(tags))).toMatchObject(tags);
    expect(fromVaultTags({ status: 'bogus', other: 'x' })).toMatchObject({
      status: undefined,
      connectedByOid: '',
    });
  });
});
