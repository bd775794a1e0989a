/**
 * The fleet's change feed against a real PostgreSQL: the migration's triggers announce each
 * committed change to a partner's shared rows, another "instance" (its own connections) hears it
 * on its LISTEN connection, and the serving guard then reads a tenant's state once until it
 * changes. Without proof that it hears the channel (connection cut, triggers missing) the feed is
 * not live and the guard reads on every request again.
 */
import pg from 'pg';
import { toTenantId } from '@/lib/ids/tenant-id';
import { FleetChangeFeed } from '@/lib/fleet/fleet-change-feed';
import { TenantServingGuard } from '@/lib/fleet/tenant-serving-guard';
import { TenantStates } from '@/lib/fleet/tenant-states';
import { createTestDatabase, type TestDatabase } from '../support/fleet-test-db';
import { createTcpProxy } from '../support/tcp-proxy';

const A = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const B = toTenantId('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const feeds: FleetChangeFeed[] = [];
afterEach(async () => {
  await Promise.all(feeds.splice(0).map((f) => f.stop()));
});

function feedOn(url: string, downs: unknown[] = []) {
  const feed = new FleetChangeFeed({
    connect: () => new pg.Client({ connectionString: url }),
    pingEveryMs: 100,
    pingTimeoutMs: 1_000,
    retryMs: 100,
    onDown: (e) => void downs.push(e),
  });
  feeds.push(feed);
  feed.start();
  return feed;
}

async function until(what: () => boolean, ms = 5_000) {
  for (const end = Date.now() + ms; !what();) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Changes the feed hears for `table`, in order. */
function heard(feed: FleetChangeFeed, table: string) {
  const seen: string[] = [];
  feed.onChange(table, (tenantId) => seen.push(tenantId));
  return seen;
}

function countingGuard(feed: FleetChangeFeed) {
  const states = new TenantStates(t.pool);
  const counter = { reads: 0, guard: undefined as unknown as TenantServingGuard };
  counter.guard = new TenantServingGuard({
    read: (id) => {
      counter.reads++;
      return states.read(id);
    },
    onNewGeneration: () => {},
    changes: feed,
  });
  return counter;
}

describe('the fleet change feed', () => {
  it("hears another instance's committed changes, and the guard reads a tenant once until one", async () => {
    const feed = feedOn(t.url);
    await until(() => feed.live);
    const seen = heard(feed, 'fleet_tenant_state');
    const other = new TenantStates(t.newPool(1)); // another instance's connections
    const counter = countingGuard(feed);

    await other.record(A, 'connected');
    await until(() => seen.includes(A));
    for (let i = 0; i < 5; i++) await counter.guard.assertServing(A);
    expect(counter.reads).toBe(1);

    await other.record(A, 'disconnected');
    await until(() => seen.filter((x) => x === A).length === 2);
    await expect(counter.guard.assertServing(A)).rejects.toMatchObject({
      code: 'connection_missing',
    });
    await expect(counter.guard.assertServing(A)).rejects.toMatchObject({
      code: 'connection_missing',
    });
    expect(counter.reads).toBe(2);
  });

  it('announces each tenant on its own, never a rolled-back write, and "*" for a TRUNCATE', async () => {
    const feed = feedOn(t.url);
    await until(() => feed.live);
    const states = heard(feed, 'fleet_tenant_state');
    const syncs = heard(feed, 'customer_directory_sync');
    const other = t.newPool(1);

    const tx = await other.connect();
    await tx.query('BEGIN');
    await tx.query(
      `INSERT INTO fleet_tenant_state (partner_tenant_id, status, generation, changed_at)
       VALUES ($1, 'connected', 1, 0)`,
      [B],
    );
    await tx.query('ROLLBACK');
    tx.release();
    await new TenantStates(other).record(A, 'needs_reconnect', 'AADSTS50173');
    await until(() => states.includes(A));
    expect(states).toEqual([A]);

    await other.query(
      `INSERT INTO customer_directory_sync (partner_tenant_id, generation, status, pages, loaded, started_at)
       VALUES ($1, 1, 'loading', 0, 0, 0)`,
      [B],
    );
    await other.query('TRUNCATE customer_directory_sync');
    await until(() => syncs.length === 2);
    expect(syncs).toEqual([B, '*']);
  });

  it('is not live while its connection is cut, so the guard reads per request, and recovers by itself', async () => {
    const direct = new URL(t.url);
    const link = await createTcpProxy(direct.hostname, Number(direct.port));
    const viaLink = new URL(t.url);
    viaLink.port = String(link.port);
    const downs: unknown[] = [];
    const feed = feedOn(viaLink.toString(), downs);
    await until(() => feed.live);
    await new TenantStates(t.pool).record(A, 'connected');
    const counter = countingGuard(feed);
    await counter.guard.assertServing(A);
    await counter.guard.assertServing(A);
    const kept = counter.reads;

    await link.stop();
    await until(() => !feed.live);
    expect(downs).toHaveLength(1);
    await counter.guard.assertServing(A);
    await counter.guard.assertServing(A);
    expect(counter.reads).toBe(kept + 2);

    await link.start();
    await until(() => feed.live);
    await counter.guard.assertServing(A);
    await counter.guard.assertServing(A);
    expect(counter.reads).toBe(kept + 3);
    await link.stop();
  });

  it('never goes live on a database without the triggers', async () => {
    const bare = await createTestDatabase();
    try {
      await bare.pool.query('DROP TRIGGER fleet_tenant_state_notify ON fleet_tenant_state');
      const downs: unknown[] = [];
      const feed = feedOn(bare.url, downs);
      await until(() => downs.length > 0);
      expect(String(downs[0])).toContain('fleet change triggers are missing');
      await new Promise((r) => setTimeout(r, 300));
      expect(feed.live).toBe(false);
      await feed.stop();
    } finally {
      await bare.drop();
    }
  });
});
