/**
 * lib/fleet against a real PostgreSQL: each "instance" below has its own pool (its own sessions,
 * as separate portal processes would), its own memory, and shares only the database. Key Vault
 * and Entra are fakes that count their calls; tests/fleet/ runs the real thing across processes.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { MemoryBudgetStore } from '@/lib/budget/budget-store';
import { RequestBudget } from '@/lib/budget/request-budget';
import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { createPgConsumedStates } from '@/lib/fleet/pg-consumed-states';
import { PgBudgetStore } from '@/lib/fleet/pg-budget-store';
import { LockUnavailableError, PgTenantLock } from '@/lib/fleet/pg-tenant-lock';
import { PgTokenCache } from '@/lib/fleet/pg-token-cache';
import { TenantServingGuard } from '@/lib/fleet/tenant-serving-guard';
import { TenantStates } from '@/lib/fleet/tenant-states';
import { deadGrantOf } from '@/lib/tokens/dead-grant-status';
import { LayeredTokenCache } from '@/lib/tokens/layered-token-cache';
import { MemorySingleFlight } from '@/lib/tokens/single-flight';
import { MemoryTokenCache } from '@/lib/tokens/token-cache';
import { TokenBroker } from '@/lib/tokens/token-broker';
import type { TokenKey } from '@/lib/tokens/token-seal';
import type { ConnectionTags } from '@/lib/vault/connection-tags';
import { createTestDatabase, type TestDatabase } from '../support/fleet-test-db';

const A = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const B = toTenantId('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
const PC = 'https://api.partnercenter.microsoft.com';
const HOUR = 3600_000;
const key: TokenKey = { id: 'k1', key: randomBytes(32) };

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

function tags(over: Partial<ConnectionTags> = {}): ConnectionTags {
  const at = new Date(Date.now() - HOUR).toISOString();
  return {
    connectedByOid: 'o',
    connectedByUpn: 'admin@a',
    connectedAt: at,
    amr: 'pwd mfa',
    scopes: 's',
    rotatedAt: at,
    status: 'ok',
    ...over,
  };
}

/** One Key Vault and one Entra for the whole "fleet", counting calls. */
function fakeCloud(rotatedAt?: string, redeemMs = 50) {
  const secret = {
    refreshToken: 'rt-0',
    version: 'v0',
    tags: tags(rotatedAt ? { rotatedAt } : {}),
    updatedOn: new Date(Date.now() - HOUR),
  };
  const cloud = {
    reads: 0,
    saves: [] as string[],
    redemptions: 0,
    store: {
      async get() {
        cloud.reads++;
        await new Promise((r) => setTimeout(r, 5));
        return { ...secret };
      },
      async save(_t: string, refreshToken: string, tg: ConnectionTags) {
        await new Promise((r) => setTimeout(r, 20));
        cloud.saves.push(refreshToken);
        Object.assign(secret, { refreshToken, version: `v${cloud.saves.length}`, tags: tg });
      },
      async updateTags() {},
    },
    async redeem(input: { tenantId: string; refreshToken: string }) {
      cloud.redemptions++;
      await new Promise((r) => setTimeout(r, redeemMs));
      const n = cloud.redemptions;
      return {
        accessToken: `at-${input.tenantId}-${n}`,
        expiresOn: new Date(Date.now() + HOUR),
        refreshToken: `rt-${n}`,
        claims: { amr: ['pwd', 'mfa'] },
      };
    },
  };
  return cloud;
}

function instance(
  cloud: ReturnType<typeof fakeCloud>,
  pool: pg.Pool,
  tokenKey = key,
  lockPool: pg.Pool = t.newPool(2),
) {
  const memory = new MemoryTokenCache();
  const shared = new PgTokenCache(pool, tokenKey);
  const broker = new TokenBroker({
    store: cloud.store,
    redeem: (i) => cloud.redeem(i),
    cache: new LayeredTokenCache(memory, shared),
    flight: new MemorySingleFlight(),
    lock: new PgTenantLock(lockPool),
    now: Date.now,
    defaultResource: PC,
    scopesFor: (r) => [`${r}/.default`],
    rotationIntervalMs: 24 * HOUR,
    isDeadGrant: deadGrantOf,
  });
  return { broker, memory, shared };
}

describe('fleet-wide single flight', () => {
  it('150 concurrent cold requests over 3 instances cost 1 vault read and 1 redemption', async () => {
    await t.pool.query('DELETE FROM fleet_access_tokens');
    const cloud = fakeCloud();
    const fleet = [t.newPool(3), t.newPool(3), t.newPool(3)].map((p) => instance(cloud, p));
    const tokens = await Promise.all(
      Array.from({ length: 150 }, (_, i) => fleet[i % 3]!.broker.getAccessToken(A)),
    );
    expect(cloud.reads).toBe(1);
    expect(cloud.redemptions).toBe(1);
    expect(new Set(tokens)).toEqual(new Set([`at-${A}-1`]));
  });

  it('stores the shared token sealed: the row never holds the token in the clear', async () => {
    const { rows } = await t.pool.query<{ sealed: Buffer; key_id: string }>(
      'SELECT sealed, key_id FROM fleet_access_tokens',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key_id).toBe('k1');
    expect(rows[0]!.sealed.includes(Buffer.from(`at-${A}-1`))).toBe(false);
  });

  it('a due rotation is written once, under the lock, even when every instance redeems', async () => {
    await t.pool.query('DELETE FROM fleet_access_tokens');
    const cloud = fakeCloud(new Date(Date.now() - 48 * HOUR).toISOString());
    const fleet = [t.newPool(2), t.newPool(2)].map((p) => instance(cloud, p));
    await Promise.all(
      fleet.flatMap((f) => [f.broker.getAccessToken(A), f.broker.getAccessToken(A)]),
    );
    await Promise.all(fleet.map((f) => f.broker.idle()));
    expect(cloud.redemptions).toBe(1);
    expect(cloud.saves).toEqual(['rt-1']);
  });

  it('a waiting instance holds no pool connection while another redeems', async () => {
    await t.pool.query('DELETE FROM fleet_access_tokens');
    const cloud = fakeCloud(undefined, 400);
    const lonePool = t.newPool(1);
    const holder = instance(cloud, t.newPool(2));
    const waiter = instance(cloud, t.newPool(2), key, lonePool);
    const order: string[] = [];
    const first = holder.broker.getAccessToken(B);
    await new Promise((r) => setTimeout(r, 50));
    const second = waiter.broker.getAccessToken(B).then(() => order.push('token'));
    await new Promise((r) => setTimeout(r, 50));
    // The waiter's only lock connection is free between its short attempts: other work gets it.
    await lonePool.query('SELECT 1').then(() => order.push('query'));
    await Promise.all([first, second]);
    expect(order).toEqual(['query', 'token']);
    expect(cloud.redemptions).toBe(1);
  });

  it('serialises writers of one tenant across instances, and lets other tenants through', async () => {
    const one = new PgTenantLock(t.newPool(2));
    const two = new PgTenantLock(t.newPool(2));
    const events: string[] = [];
    const hold = (lock: PgTenantLock, tenant: TenantId, name: string) =>
      lock.run(tenant, async () => {
        events.push(`${name}+`);
        await new Promise((r) => setTimeout(r, 60));
        events.push(`${name}-`);
      });
    await Promise.all([hold(one, A, 'a1'), hold(two, A, 'a2')]);
    expect([events.join(' ')]).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(a1\+ a1- a2\+ a2-|a2\+ a2- a1\+ a1-)$/)]),
    );
    events.length = 0;
    await Promise.all([hold(one, A, 'a'), hold(two, B, 'b')]);
    expect(events.slice(0, 2).sort()).toEqual(['a+', 'b+']);
  });
});

describe('shared access tokens in the database', () => {
  it('are dropped after a key change, and an instance with the new key redeems afresh', async () => {
    await t.pool.query('DELETE FROM fleet_access_tokens');
    const cloud = fakeCloud();
    await instance(cloud, t.newPool(2)).broker.getAccessToken(A);
    const rotated = instance(cloud, t.newPool(2), { id: 'k2', key: randomBytes(32) });
    await rotated.broker.getAccessToken(A);
    expect(cloud.redemptions).toBe(2);
    const { rows } = await t.pool.query<{ key_id: string }>(
      'SELECT key_id FROM fleet_access_tokens',
    );
    expect(rows.map((r) => r.key_id)).toEqual(['k2']);
  });

  it('a row under the same key id but another key is dropped, not served', async () => {
    await t.pool.query('DELETE FROM fleet_access_tokens');
    const honest = new PgTokenCache(t.pool, key);
    await honest.set(`${A}|${PC}`, { accessToken: 'x', expiresAt: Date.now() + HOUR }, HOUR / 2);
    const impostor = new PgTokenCache(t.pool, { id: 'k1', key: randomBytes(32) });
    expect(await impostor.getEntry(`${A}|${PC}`)).toBeUndefined();
    expect((await t.pool.query('SELECT 1 FROM fleet_access_tokens')).rowCount).toBe(0);
  });

  it("a row copied onto another tenant's key does not open", async () => {
    await t.pool.query('DELETE FROM fleet_access_tokens');
    const cache = new PgTokenCache(t.pool, key);
    await cache.set(`${A}|${PC}`, { accessToken: 'secret-a', expiresAt: Date.now() + HOUR }, HOUR);
    await t.pool.query(
      `INSERT INTO fleet_access_tokens (cache_key, key_id, sealed, expires_at, stale_at)
       SELECT $1, key_id, sealed, expires_at, stale_at FROM fleet_access_tokens WHERE cache_key = $2`,
      [`${B}|${PC}`, `${A}|${PC}`],
    );
    expect(await cache.getEntry(`${B}|${PC}`)).toBeUndefined();
    expect((await cache.getEntry(`${A}|${PC}`))?.value.accessToken).toBe('secret-a');
  });

  it('rows are removed once they may no longer be served (on read, on write, by the sweep)', async () => {
    await t.pool.query('DELETE FROM fleet_access_tokens');
    let now = Date.now();
    const cache = new PgTokenCache(t.pool, key, () => now);
    await cache.set(`${A}|${PC}`, { accessToken: 'a', expiresAt: now + HOUR }, 1000);
    await cache.set(`${B}|${PC}`, { accessToken: 'b', expiresAt: now + HOUR }, 1000);
    now += 1001;
    expect(await cache.getEntry(`${A}|${PC}`)).toBeUndefined();
    expect((await t.pool.query('SELECT cache_key FROM fleet_access_tokens')).rowCount).toBe(1);
    expect(await cache.sweep()).toBe(1);
    expect((await t.pool.query('SELECT 1 FROM fleet_access_tokens')).rowCount).toBe(0);
  });
});

describe('connect state, single use across the fleet', () => {
  it('a state consumed on one instance is refused on another', async () => {
    const one = createPgConsumedStates(t.newPool(1));
    const two = createPgConsumedStates(t.newPool(1));
    expect(await one.consume('state-1', 60_000)).toBe(true);
    expect(await two.wasConsumed('state-1')).toBe(true);
    expect(await two.consume('state-1', 60_000)).toBe(false);
  });

  it('of many instances racing on one state, exactly one wins', async () => {
    const fleet = Array.from({ length: 5 }, () => createPgConsumedStates(t.newPool(2)));
    const wins = await Promise.all(
      fleet.flatMap((f) => [f.consume('race', 60_000), f.consume('race', 60_000)]),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
  });
});

describe('the shared Partner Center budget', () => {
  it('instances together stay within the limit', async () => {
    const rule = { limit: 20, windowMs: 60_000 };
    const fleet = [t.newPool(2), t.newPool(2), t.newPool(2)].map((p) => new PgBudgetStore(p));
    const now = Date.now();
    const decisions = await Promise.all(
      Array.from({ length: 45 }, (_, i) => fleet[i % 3]!.take('pc:tenant-a', rule, now)),
    );
    expect(decisions.filter((d) => d.granted)).toHaveLength(20);
  });

  it('a 429 seen by one instance slows the others', async () => {
    const rule = { limit: 100, windowMs: 60_000 };
    let now = Date.now();
    const slept: number[] = [];
    const budgetOn = (pool: pg.Pool) =>
      new RequestBudget({
        store: new PgBudgetStore(pool),
        rule,
        maxWaitMs: 60_000,
        now: () => now,
        sleep: async (ms) => {
          slept.push(ms);
          now += ms;
        },
        random: () => 0,
      });
    const one = budgetOn(t.newPool(1));
    const two = budgetOn(t.newPool(1));
    await one.throttled('pc:tenant-b', 7000);
    await two.acquire('pc:tenant-b');
    expect(slept).toEqual([7000]);
    // The memory store is the same arithmetic for one process.
    expect(new MemoryBudgetStore()).toBeDefined();
  });
});

describe('tenant state: a disconnect on one instance is refused at once on the others', () => {
  it('refuses after a disconnect, drops local state on a new generation, and serves again after reconnect', async () => {
    const states1 = new TenantStates(t.newPool(1));
    const dropped: string[] = [];
    const guard2 = new TenantServingGuard({
      read: (id) => new TenantStates(t.pool).read(id),
      onNewGeneration: (id) => void dropped.push(id),
    });
    await states1.record(A, 'connected');
    await guard2.assertServing(A);
    await states1.record(A, 'disconnected');
    await expect(guard2.assertServing(A)).rejects.toMatchObject({ code: 'connection_missing' });
    expect(dropped).toEqual([A]);
    await states1.record(A, 'connected');
    await guard2.assertServing(A);
    expect(dropped).toEqual([A, A]);
    await states1.record(A, 'needs_reconnect');
    await expect(guard2.assertServing(A)).rejects.toMatchObject({
      code: 'connection_needs_reconnect',
    });
  });
});

describe('database unreachable', () => {
  it('the tenant lock degrades to this process for readers and fails closed for writers', async () => {
    const { default: pgModule } = await import('pg');
    const dead = new pgModule.Pool({
      connectionString: 'postgres://nobody@127.0.0.1:1/none',
      connectionTimeoutMillis: 500,
    });
    const degraded: unknown[] = [];
    const lock = new PgTenantLock(dead, { onDegraded: (e) => degraded.push(e) });
    await expect(lock.run(A, async () => 'read')).resolves.toBe('read');
    expect(degraded).toHaveLength(1);
    await expect(lock.run(A, async () => 'write', { failClosed: true })).rejects.toBeInstanceOf(
      LockUnavailableError,
    );
    await dead.end();
  });
});
