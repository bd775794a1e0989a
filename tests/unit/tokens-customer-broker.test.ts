import { EntraError } from '@/lib/entra/entra-error';
import { CustomerTokenBroker, MemorySingleFlight, MemoryTokenCache } from '@/lib/tokens';
import type { ConnectionTags } from '@/lib/vault/connection-tags';
import { toTenantId } from '@/lib/ids/tenant-id';

const PARTNER = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const OTHER_PARTNER = toTenantId('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';
const GRAPH = 'https://graph.microsoft.com';
const PC = 'https://api.partnercenter.microsoft.com';
const T0 = Date.parse('2026-01-10T12:00:00Z');

const tags = (status: ConnectionTags['status'] = 'ok'): ConnectionTags => ({
  connectedByOid: 'o',
  connectedByUpn: 'admin@a',
  connectedAt: new Date(T0).toISOString(),
  amr: 'pwd mfa',
  scopes: 's',
  rotatedAt: new Date(T0).toISOString(),
  status,
});

function setup(
  opts: { status?: ConnectionTags['status']; fail?: (customer: string) => Error | undefined } = {},
) {
  let now = T0;
  const store = {
    gets: 0,
    writes: 0,
    async get(tenantId: string) {
      this.gets++;
      if (tenantId !== PARTNER && tenantId !== OTHER_PARTNER) return null;
      return {
        refreshToken: `rt-${tenantId}`,
        version: 'v1',
        tags: tags(opts.status),
        updatedOn: new Date(T0),
      };
    },
    // Present only to prove they are never called.
    save: jest.fn(),
    updateTags: jest.fn(),
  };
  const redeemed: Array<{ customerTenantId: string; refreshToken: string; scopes: string[] }> = [];
  const broker = new CustomerTokenBroker({
    store,
    cache: new MemoryTokenCache(() => now),
    flight: new MemorySingleFlight(),
    now: () => now,
    scopesFor: (r) => [`${r}/.default`],
    refreshTokenReuseMs: 60_000,
    redeem: async (input) => {
      redeemed.push(input);
      await Promise.resolve();
      const failure = opts.fail?.(input.customerTenantId);
      if (failure) throw failure;
      return {
        accessToken: `at-${input.customerTenantId}-${redeemed.length}`,
        expiresOn: new Date(now + 3600_000),
      };
    },
  });
  return { broker, store, redeemed, advance: (ms: number) => (now += ms) };
}

describe('customer-tenant tokens', () => {
  it('keys tokens by (partner, customer, resource) and asks for the resource .default', async () => {
    const { broker, redeemed } = setup();
    const a = await broker.getAccessToken(PARTNER, C1, GRAPH);
    expect(await broker.getAccessToken(PARTNER, C1, GRAPH)).toBe(a);
    expect(await broker.getAccessToken(PARTNER, C2, GRAPH)).not.toBe(a);
    expect(await broker.getAccessToken(PARTNER, C1, PC)).not.toBe(a);
    expect(await broker.getAccessToken(OTHER_PARTNER, C1, GRAPH)).not.toBe(a);
    expect(redeemed).toHaveLength(4);
    expect(redeemed[0]).toEqual({
      customerTenantId: C1,
      refreshToken: `rt-${PARTNER}`,
      scopes: [`${GRAPH}/.default`],
    });
    expect(redeemed[3]!.refreshToken).toBe(`rt-${OTHER_PARTNER}`);
  });

  it('reads the partner refresh token once for many customers within the reuse window', async () => {
    const { broker, store, advance } = setup();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => broker.getAccessToken(PARTNER, `c-${i}`, GRAPH)),
    );
    expect(store.gets).toBe(1);
    advance(61_000);
    await broker.getAccessToken(PARTNER, 'c-new', GRAPH);
    expect(store.gets).toBe(2);
  });

  it('shares one redemption between concurrent callers for the same key', async () => {
    const { broker, redeemed } = setup();
    const tokens = await Promise.all(
      [1, 2, 3].map(() => broker.getAccessToken(PARTNER, C1, GRAPH)),
    );
    expect(new Set(tokens).size).toBe(1);
    expect(redeemed).toHaveLength(1);
  });

  it('never writes back a refresh token or marks the connection, even when a customer fails', async () => {
    const { broker, store } = setup({
      fail: (c) =>
        c === C1 ? new EntraError({ aadsts: 65001, error: 'invalid_grant' }) : undefined,
    });
    await expect(broker.getAccessToken(PARTNER, C1, GRAPH)).rejects.toMatchObject({
      aadsts: 65001,
    });
    await expect(broker.getAccessToken(PARTNER, C2, GRAPH)).resolves.toMatch(/^at-/);
    expect(store.save).not.toHaveBeenCalled();
    expect(store.updateTags).not.toHaveBeenCalled();
  });

  it('fails fast, with the partner advice, when the connection is already marked dead', async () => {
    const { broker, redeemed } = setup({ status: 'revoked' });
    await expect(broker.getAccessToken(PARTNER, C1, GRAPH)).rejects.toMatchObject({
      code: 'connection_needs_reconnect',
    });
    expect(redeemed).toHaveLength(0);
  });

  it('says connection_missing for a partner that is not connected', async () => {
    const { broker } = setup();
    await expect(
      broker.getAccessToken(toTenantId('cccccccc-cccc-4ccc-8ccc-cccccccccccc'), C1, GRAPH),
    ).rejects.toMatchObject({
      code: 'connection_missing',
    });
  });

  it('forgets one customer (after a consent change) without touching the others', async () => {
    const { broker, redeemed } = setup();
    await broker.getAccessToken(PARTNER, C1, GRAPH);
    await broker.getAccessToken(PARTNER, C2, GRAPH);
    await broker.forget(PARTNER, C1);
    await broker.getAccessToken(PARTNER, C1, GRAPH);
    await broker.getAccessToken(PARTNER, C2, GRAPH);
    expect(redeemed.map((r) => r.customerTenantId)).toEqual([C1, C2, C1]);
  });
});
