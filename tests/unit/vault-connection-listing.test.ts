import type { TenantId } from '@/lib/ids/tenant-id';
import { MemoryConnectionChangeFeed } from '@/lib/vault/connection-change-feed';
import { ConnectionListing } from '@/lib/vault/connection-listing';
import { fromVaultTags } from '@/lib/vault/connection-tags';
import type { ConnectionSummary } from '@/lib/vault/refresh-token-store';

const entry = (id: string, orgName = id): ConnectionSummary => ({
  tenantId: id as TenantId,
  tags: { ...fromVaultTags({}), orgName },
  updatedOn: new Date(0),
});

function setup(initial: ConnectionSummary[]) {
  let vault = initial;
  let now = 0;
  const walk = jest.fn(async () => {
    await new Promise((r) => setTimeout(r, 5));
    return vault;
  });
  const feed = new MemoryConnectionChangeFeed();
  const listing = new ConnectionListing({ walk, feed, maxAgeMs: 60_000, now: () => now });
  return {
    listing,
    feed,
    walk,
    setVault: (v: ConnectionSummary[]) => (vault = v),
    advance: (ms: number) => (now += ms),
  };
}

const ids = (list: ConnectionSummary[]) => list.map((c) => c.tenantId).sort();

describe('ConnectionListing (the cached connections listing)', () => {
  test('concurrent readers of a cold listing share one walk; later reads walk nothing', async () => {
    const t = setup([entry('a'), entry('b')]);
    const lists = await Promise.all([t.listing.list(), t.listing.list(), t.listing.list()]);
    expect(lists.map(ids)).toEqual([
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'b'],
    ]);
    await t.listing.list();
    expect(t.walk).toHaveBeenCalledTimes(1);
  });

  test('a write patches its one entry (connect, rotation, check) or removes it (disconnect), without a walk', async () => {
    const t = setup([entry('a'), entry('b')]);
    await t.listing.list();
    t.feed.publish({ tenantId: 'C', summary: entry('c') });
    t.feed.publish({ tenantId: 'a', summary: entry('a', 'Renamed') });
    t.feed.publish({ tenantId: 'b', summary: null });
    const list = await t.listing.list();
    expect(ids(list)).toEqual(['a', 'c']);
    expect(list.find((c) => c.tenantId === 'a')?.tags.orgName).toBe('Renamed');
    expect(t.walk).toHaveBeenCalledTimes(1);
  });

  test('a change known only by name (another process) drops the listing: the next read walks', async () => {
    const t = setup([entry('a')]);
    await t.listing.list();
    t.setVault([entry('a'), entry('z')]);
    t.feed.publish({ tenantId: 'z' });
    expect(ids(await t.listing.list())).toEqual(['a', 'z']);
    expect(t.walk).toHaveBeenCalledTimes(2);
  });

  test('after maxAge it walks again (writers it cannot hear, such as cron keepalive)', async () => {
    const t = setup([entry('a')]);
    await t.listing.list();
    t.advance(59_000);
    await t.listing.list();
    expect(t.walk).toHaveBeenCalledTimes(1);
    t.advance(2_000);
    t.setVault([]);
    expect(await t.listing.list()).toEqual([]);
    expect(t.walk).toHaveBeenCalledTimes(2);
  });

  test('a write heard during a walk is applied on top of the walk’s older result', async () => {
    const t = setup([entry('a'), entry('b')]);
    const reading = t.listing.list();
    t.feed.publish({ tenantId: 'b', summary: null });
    t.feed.publish({ tenantId: 'n', summary: entry('n') });
    expect(ids(await reading)).toEqual(['a', 'n']);
    expect(ids(await t.listing.list())).toEqual(['a', 'n']);
    expect(t.walk).toHaveBeenCalledTimes(1);
  });

  test('a failed walk is not cached and is retried by the next reader', async () => {
    const t = setup([entry('a')]);
    t.walk.mockRejectedValueOnce(new Error('vault down'));
    await expect(t.listing.list()).rejects.toThrow('vault down');
    expect(ids(await t.listing.list())).toEqual(['a']);
  });
});
