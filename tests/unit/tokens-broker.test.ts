import { toTenantId } from '@/lib/ids/tenant-id';
import { EntraError } from '@/lib/entra/entra-error';
import {
  ConnectionError,
  MemorySingleFlight,
  MemoryTokenCache,
  TokenBroker,
  type TokenBrokerDeps,
} from '@/lib/tokens';
import { deadGrantOf } from '@/lib/tokens/dead-grant-status';
import type { ConnectionTags } from '@/lib/vault/connection-tags';

const A = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const B = toTenantId('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
const PC = 'https://api.partnercenter.microsoft.com';
const HOUR = 3600_000;
const T0 = Date.parse('2026-01-10T12:00:00Z');

function tags(over: Partial<ConnectionTags> = {}): ConnectionTags {
  return {
    connectedByOid: 'o',
    connectedByUpn: 'admin@a',
    connectedAt: new Date(T0 - HOUR).toISOString(),
    amr: 'pwd mfa',
    scopes: 's',
    rotatedAt: new Date(T0 - HOUR).toISOString(),
    status: 'ok',
    ...over,
  };
}

/** An in-memory stand-in for the Key Vault store that counts reads and writes. */
function fakeStore(initial: Record<string, ConnectionTags>) {
  const secrets = new Map(
    Object.entries(initial).map(([t, tg]) => [
      t,
      { refreshToken: `rt-${t}-0`, version: 'v0', tags: tg, updatedOn: new Date(T0 - HOUR) },
    ]),
  );
  let versions = 0;
  return {
    secrets,
    gets: 0,
    saves: [] as Array<{ tenantId: string; refreshToken: string; tags: ConnectionTags }>,
    tagUpdates: [] as Array<{ tenantId: string; patch: Partial<ConnectionTags> }>,
    async get(tenantId: string) {
      this.gets++;
      await Promise.resolve();
      return secrets.get(tenantId) ?? null;
    },
    async save(tenantId: string, refreshToken: string, t: ConnectionTags) {
      this.saves.push({ tenantId, refreshToken, tags: t });
      secrets.set(tenantId, {
        refreshToken,
        version: `v${++versions}`,
        tags: t,
        updatedOn: new Date(),
      });
    },
    async updateTags(tenantId: string, patch: Partial<ConnectionTags>) {
      this.tagUpdates.push({ tenantId, patch });
      const s = secrets.get(tenantId);
      if (s) s.tags = { ...s.tags, ...patch };
    },
  };
}

function setup(
  opts: {
    store?: ReturnType<typeof fakeStore>;
    redeemDelayMs?: number;
    rotationHours?: number;
  } = {},
) {
  let now = T0;
  const store = opts.store ?? fakeStore({ [A]: tags(), [B]: tags() });
  let n = 0;
  const redeem = jest.fn(
    async (input: { tenantId: string; refreshToken: string; scopes: string[] }) => {
      await new Promise((r) => setTimeout(r, opts.redeemDelayMs ?? 5));
      n++;
      return {
        accessToken: `at-${input.tenantId}-${n}`,
        expiresOn: new Date(now + HOUR),
        refreshToken: `rt-${input.tenantId}-${n}`,
        claims: { amr: ['pwd', 'mfa'] },
      };
    },
  );
  const background: unknown[] = [];
  const lost: string[] = [];
  const deps: TokenBrokerDeps = {
    store,
    redeem,
    cache: new MemoryTokenCache(() => now),
    flight: new MemorySingleFlight(),
    now: () => now,
    defaultResource: PC,
    scopesFor: (r) => [`${r}/user_impersonation`],
    rotationIntervalMs: (opts.rotationHours ?? 24) * HOUR,
    isDeadGrant: deadGrantOf,
    onBackgroundError: (e) => background.push(e),
    onConnectionLost: (t) => lost.push(t),
  };
  const broker = new TokenBroker(deps);
  return {
    broker,
    store,
    redeem,
    background,
    lost,
    advance: (ms: number) => (now += ms),
    at: () => now,
  };
}

describe('token broker: single flight on a cold cache', () => {
  it('serves 50 concurrent cold requests with exactly one vault read and one redemption', async () => {
    const { broker, store, redeem } = setup({ redeemDelayMs: 20 });
    const tokens = await Promise.all(Array.from({ length: 50 }, () => broker.getAccessToken(A)));
    expect(store.gets).toBe(1);
    expect(redeem).toHaveBeenCalledTimes(1);
    expect(new Set(tokens)).toEqual(new Set([`at-${A}-1`]));
    expect(redeem.mock.calls[0]![0]).toEqual({
      tenantId: A,
      refreshToken: `rt-${A}-0`,
      scopes: [`${PC}/user_impersonation`],
    });
  });

  it('keeps tenants apart: concurrent cold requests for two tenants get each their own token', async () => {
    const { broker, store, redeem } = setup();
    const [a, b] = await Promise.all([broker.getAccessToken(A), broker.getAccessToken(B)]);
    expect(a).toMatch(`at-${A}`);
    expect(b).toMatch(`at-${B}`);
    expect(store.gets).toBe(2);
    expect(redeem).toHaveBeenCalledTimes(2);
  });

  it('shares a failure with every waiting caller, then tries again on the next request', async () => {
    const { broker, redeem } = setup();
    redeem.mockRejectedValueOnce(new EntraError({ error: 'temporarily_unavailable' }));
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => broker.getAccessToken(A)),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(redeem).toHaveBeenCalledTimes(1);
    await expect(broker.getAccessToken(A)).resolves.toMatch(`at-${A}`);
  });
});

describe('token broker: cache and the 5-minute expiry margin', () => {
  it('reuses the token until 5 minutes before expiry, then redeems again', async () => {
    const { broker, store, redeem, advance } = setup();
    const first = await broker.getAccessToken(A);
    advance(54 * 60_000);
    expect(await broker.getAccessToken(A)).toBe(first);
    expect(redeem).toHaveBeenCalledTimes(1);
    advance(60_000 + 1); // 55 min + 1 ms: inside the margin
    expect(await broker.getAccessToken(A)).not.toBe(first);
    expect(redeem).toHaveBeenCalledTimes(2);
    expect(store.gets).toBe(2);
  });

  it('caches per resource', async () => {
    const { broker, redeem } = setup();
    await broker.getAccessToken(A);
    await broker.getAccessToken(A, 'https://graph.microsoft.com');
    expect(redeem).toHaveBeenCalledTimes(2);
    expect(redeem.mock.calls[1]![0].scopes).toEqual([
      'https://graph.microsoft.com/user_impersonation',
    ]);
  });

  it('forget() drops a tenant’s tokens only', async () => {
    const { broker, redeem } = setup();
    await broker.getAccessToken(A);
    await broker.getAccessToken(B);
    await broker.forget(A);
    await broker.getAccessToken(A);
    await broker.getAccessToken(B);
    expect(redeem).toHaveBeenCalledTimes(3);
  });
});

describe('token broker: write-behind rotation', () => {
  it('does not write back while the stored token is younger than the interval', async () => {
    const { broker, store } = setup();
    await broker.getAccessToken(A);
    await broker.idle();
    expect(store.saves).toHaveLength(0);
  });

  it('writes the newest refresh token back once the stored one is older than 24 h', async () => {
    const store = fakeStore({ [A]: tags({ rotatedAt: new Date(T0 - 25 * HOUR).toISOString() }) });
    const { broker, at } = setup({ store });
    await Promise.all(Array.from({ length: 10 }, () => broker.getAccessToken(A)));
    await broker.idle();
    expect(store.saves).toHaveLength(1);
    expect(store.saves[0]).toMatchObject({ tenantId: A, refreshToken: `rt-${A}-1` });
    expect(store.saves[0]!.tags).toMatchObject({
      rotatedAt: new Date(at()).toISOString(),
      lastRedeemedAt: new Date(at()).toISOString(),
      status: 'ok',
      connectedByUpn: 'admin@a',
    });
  });

  it('honours a configured interval', async () => {
    const store = fakeStore({ [A]: tags({ rotatedAt: new Date(T0 - 2 * HOUR).toISOString() }) });
    const { broker } = setup({ store, rotationHours: 1 });
    await broker.getAccessToken(A);
    await broker.idle();
    expect(store.saves).toHaveLength(1);
  });

  it('rotates again only after the interval has passed since the last write-back', async () => {
    const store = fakeStore({ [A]: tags({ rotatedAt: new Date(T0 - 25 * HOUR).toISOString() }) });
    const { broker, advance } = setup({ store });
    await broker.getAccessToken(A);
    await broker.idle();
    for (let h = 0; h < 23; h++) {
      advance(HOUR);
      await broker.getAccessToken(A);
      await broker.idle();
    }
    expect(store.saves).toHaveLength(1);
    advance(HOUR + 1);
    await broker.forget(A);
    await broker.getAccessToken(A);
    await broker.idle();
    expect(store.saves).toHaveLength(2);
  });

  it('keeps a secret that changed meanwhile (a reconnect) instead of overwriting it', async () => {
    const store = fakeStore({ [A]: tags({ rotatedAt: new Date(T0 - 25 * HOUR).toISOString() }) });
    const realGet = store.get.bind(store);
    let calls = 0;
    store.get = async (t: string) => {
      const r = await realGet(t);
      if (++calls === 2 && r) return { ...r, version: 'v-reconnected' };
      return r;
    };
    const { broker } = setup({ store });
    await broker.getAccessToken(A);
    await broker.idle();
    expect(store.saves).toHaveLength(0);
  });

  it('does not fail the request when the write-back fails', async () => {
    const store = fakeStore({ [A]: tags({ rotatedAt: new Date(T0 - 25 * HOUR).toISOString() }) });
    store.save = async () => Promise.reject(new Error('vault down'));
    const { broker, background } = setup({ store });
    await expect(broker.getAccessToken(A)).resolves.toMatch('at-');
    await broker.idle();
    expect(background).toHaveLength(1);
  });
});

describe('token broker: dead grants', () => {
  it.each([
    [700082, 'expired'],
    [70043, 'expired'],
    [70008, 'expired'],
    [50173, 'revoked'],
    [65001, 'revoked'],
  ])('AADSTS%i marks the connection %s and says to reconnect', async (aadsts, status) => {
    const { broker, store, redeem } = setup();
    redeem.mockRejectedValueOnce(new EntraError({ aadsts, error: 'invalid_grant' }));
    const error = (await broker.getAccessToken(A).catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.code).toBe('connection_needs_reconnect');
    expect(error.advice?.code).toBe(`AADSTS${aadsts}`);
    expect(error.advice?.needsReconnect).toBe(true);
    expect(store.tagUpdates).toEqual([
      {
        tenantId: A,
        patch: { status, lastErrorCode: `AADSTS${aadsts}`, lastErrorAt: expect.any(String) },
      },
    ]);
  });

  it('reports a dead Partner Center grant as a lost connection (the customer list is dropped)', async () => {
    const { broker, redeem, lost } = setup();
    redeem.mockRejectedValueOnce(new EntraError({ aadsts: 50173, error: 'invalid_grant' }));
    await broker.getAccessToken(A).catch(() => undefined);
    expect(lost).toEqual([A]);
    redeem.mockRejectedValueOnce(new EntraError({ error: 'temporarily_unavailable' }));
    await broker.getAccessToken(B).catch(() => undefined);
    expect(lost).toEqual([A]);
  });

  it('fails fast afterwards without redeeming again, until someone reconnects', async () => {
    const { broker, store, redeem } = setup();
    redeem.mockRejectedValueOnce(new EntraError({ aadsts: 50173, error: 'invalid_grant' }));
    await broker.getAccessToken(A).catch(() => undefined);
    const again = (await broker.getAccessToken(A).catch((e: unknown) => e)) as ConnectionError;
    expect(again.code).toBe('connection_needs_reconnect');
    expect(again.advice?.code).toBe('AADSTS50173');
    expect(redeem).toHaveBeenCalledTimes(1);
    // A reconnect writes a new secret with status ok.
    await store.save(A, 'rt-new-grant', tags());
    await expect(broker.getAccessToken(A)).resolves.toMatch('at-');
  });

  it('a dead grant for another resource (AADSTS65001 for Graph) does not mark the connection', async () => {
    const { broker, store, redeem } = setup();
    await broker.getAccessToken(A); // a Partner Center token, cached
    redeem.mockRejectedValueOnce(new EntraError({ aadsts: 65001, error: 'invalid_grant' }));
    const error = await broker
      .getAccessToken(A, 'https://graph.microsoft.com')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntraError);
    expect((error as EntraError).grantIsDead).toBe(true);
    expect(store.tagUpdates).toHaveLength(0);
    // Partner Center still works from the cache, without another redemption.
    await expect(broker.getAccessToken(A)).resolves.toBe(`at-${A}-1`);
    expect(redeem).toHaveBeenCalledTimes(2);
  });

  it('does not mark the connection for a transient error', async () => {
    const { broker, store, redeem } = setup();
    redeem.mockRejectedValueOnce(new EntraError({ error: 'temporarily_unavailable' }));
    await broker.getAccessToken(A).catch(() => undefined);
    expect(store.tagUpdates).toHaveLength(0);
  });

  it('reports a tenant with no stored connection', async () => {
    const { broker, redeem } = setup();
    const error = (await broker
      .getAccessToken(toTenantId('dddddddd-dddd-4ddd-8ddd-dddddddddddd'))
      .catch((e: unknown) => e)) as ConnectionError;
    expect(error.code).toBe('connection_missing');
    expect(redeem).not.toHaveBeenCalled();
  });
});

describe('token broker: redeemNow', () => {
  it('bypasses the cache and always writes the newest refresh token back', async () => {
    const { broker, store, redeem } = setup();
    await broker.getAccessToken(A);
    const result = await broker.redeemNow(A);
    expect(redeem).toHaveBeenCalledTimes(2);
    expect(store.saves).toEqual([
      expect.objectContaining({ tenantId: A, refreshToken: `rt-${A}-2` }),
    ]);
    expect(result.amr).toEqual(['pwd', 'mfa']);
  });

  it('tries a connection marked dead, and clears the mark when it works', async () => {
    const store = fakeStore({ [A]: tags({ status: 'revoked', lastErrorCode: 'AADSTS50173' }) });
    const { broker } = setup({ store });
    await broker.redeemNow(A);
    expect(store.saves[0]!.tags.status).toBe('ok');
    expect(store.saves[0]!.tags.lastErrorCode).toBeUndefined();
  });

  it('marks a dead grant found by a check', async () => {
    const { broker, store, redeem } = setup();
    redeem.mockRejectedValueOnce(new EntraError({ aadsts: 700082, error: 'invalid_grant' }));
    await expect(broker.redeemNow(A)).rejects.toMatchObject({ code: 'connection_needs_reconnect' });
    expect(store.tagUpdates[0]!.patch.status).toBe('expired');
    expect(store.saves).toHaveLength(0);
  });
});

describe('token broker: a dead grant stops cached tokens too', () => {
  it('drops the tenant’s cached access tokens when redeemNow finds the grant dead', async () => {
    const { broker, redeem } = setup();
    await broker.getAccessToken(A);
    redeem.mockRejectedValueOnce(new EntraError({ aadsts: 50173, error: 'invalid_grant' }));
    await broker.redeemNow(A).catch(() => undefined);
    await expect(broker.getAccessToken(A)).rejects.toMatchObject({
      code: 'connection_needs_reconnect',
    });
  });
});
