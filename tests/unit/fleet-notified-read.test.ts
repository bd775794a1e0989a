import type { FleetChangeSource } from '@/lib/fleet/fleet-change-feed';
import { NotifiedRead } from '@/lib/fleet/notified-read';

/** A change feed the test drives: live or not, and the changes it hears. */
function fakeFeed(live = true) {
  const listeners: Array<(tenantId: string) => void> = [];
  const feed = {
    live,
    session: 1,
    onChange: (table: string, listener: (tenantId: string) => void) => {
      expect(table).toBe('t_state');
      listeners.push(listener);
    },
    hear: (tenantId: string) => listeners.forEach((l) => l(tenantId)),
  };
  return feed satisfies FleetChangeSource;
}

/** A shared row per tenant, counting reads; after `hold`, reads wait until `release`. */
function rows() {
  const values = new Map<string, number>();
  let reads = 0;
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  return {
    set: (tenant: string, v: number) => values.set(tenant, v),
    get reads() {
      return reads;
    },
    hold: () => void (gate = new Promise<void>((r) => (open = r))),
    release: () => {
      open?.();
      gate = undefined;
    },
    read: async (tenant: string) => {
      reads++;
      const seen = values.get(tenant) ?? 0;
      if (gate) await gate;
      return seen;
    },
  };
}

describe('NotifiedRead', () => {
  it('without a live feed reads on every call, as before the feed', async () => {
    const store = rows();
    const reader = new NotifiedRead(store.read, fakeFeed(false), 't_state');
    for (let i = 0; i < 3; i++) await reader.read('a');
    expect(store.reads).toBe(3);
    const noFeed = new NotifiedRead(store.read);
    await noFeed.read('a');
    await noFeed.read('a');
    expect(store.reads).toBe(5);
  });

  it('with a live feed reads a tenant once, and again only after a change to that tenant is heard', async () => {
    const store = rows();
    const feed = fakeFeed();
    const reader = new NotifiedRead(store.read, feed, 't_state');
    store.set('a', 1);
    store.set('b', 7);
    expect(await reader.read('a')).toBe(1);
    expect(await reader.read('a')).toBe(1);
    expect(await reader.read('b')).toBe(7);
    expect(store.reads).toBe(2);

    store.set('a', 2);
    feed.hear('a');
    expect(await reader.read('a')).toBe(2);
    expect(await reader.read('b')).toBe(7);
    expect(store.reads).toBe(3);

    // '*' (a TRUNCATE) drops every tenant.
    feed.hear('*');
    await reader.read('a');
    await reader.read('b');
    expect(store.reads).toBe(5);
  });

  it('forgets everything when the feed was down in between (changes then were never heard)', async () => {
    const store = rows();
    const feed = fakeFeed();
    const reader = new NotifiedRead(store.read, feed, 't_state');
    store.set('a', 1);
    await reader.read('a');
    feed.live = false;
    store.set('a', 2); // written while nobody listened
    expect(await reader.read('a')).toBe(2);
    feed.live = true;
    feed.session = 3;
    store.set('a', 3);
    expect(await reader.read('a')).toBe(3);
    expect(await reader.read('a')).toBe(3);
    expect(store.reads).toBe(3);
  });

  it('returns a read that a change overtook to its caller, but never keeps it', async () => {
    const store = rows();
    const feed = fakeFeed();
    const reader = new NotifiedRead(store.read, feed, 't_state');
    store.set('a', 1);
    store.hold();
    const inFlight = reader.read('a');
    store.set('a', 2);
    feed.hear('a'); // the change commits while the read is running
    store.release();
    expect(await inFlight).toBe(1);
    expect(await reader.read('a')).toBe(2);
    expect(store.reads).toBe(2);
  });

  it('does not keep a read begun in a feed session that ended before it returned', async () => {
    const store = rows();
    const feed = fakeFeed();
    const reader = new NotifiedRead(store.read, feed, 't_state');
    store.hold();
    const inFlight = reader.read('a');
    feed.session = 2; // the feed went down and came back while the read ran
    store.release();
    await inFlight;
    await reader.read('a');
    expect(store.reads).toBe(2);
  });
});
