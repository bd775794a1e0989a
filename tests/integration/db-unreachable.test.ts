import { isAppError } from '@/lib/errors/app-error';
import { readBootState, resetDatabaseForTests, withDatabase } from '@/lib/db';
import { bootDatabase } from '@/lib/db/boot';
import { readMigrationState } from '@/lib/db/migrate';
import { createTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase, urlWithDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

async function until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(readBootState())}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/**
 * The portal's start-up against a database that is unreachable at first (a stopped proxy in front
 * of an empty test database), then reachable, then gone again mid-run.
 */
describe('an unreachable database', () => {
  let t: TestDatabase;
  let proxy: TcpProxy;
  let started = false;
  beforeAll(async () => {
    t = await createTestDatabase({ migrate: false });
    const target = new URL(t.url);
    proxy = await createTcpProxy(target.hostname, Number(target.port));
    await proxy.stop(); // the port is known; nothing listens on it yet
    const viaProxy = new URL(urlWithDatabase(t.url, t.name));
    viaProxy.port = String(proxy.port);
    // lib/ reads DATABASE_URL through its config: point it at the proxy.
    await t.useForLib();
    process.env.DATABASE_URL = viaProxy.toString();
  });
  afterAll(async () => {
    await resetDatabaseForTests();
    await proxy.stop();
    await t.drop();
  });

  it('does not stop the start-up: it keeps retrying, and pages get database_unavailable (503), not a raw error', async () => {
    void bootDatabase(async () => {
      started = true;
    });
    await until('a failed first attempt', () => readBootState().status === 'waiting');
    const state = readBootState();
    expect(state.errorCode).toBe('database_unavailable');
    expect(state.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() - 1000);

    const e = await errorOf(
      withDatabase((db) => db.selectFrom('activity_log').selectAll().execute()),
    );
    expect(isAppError(e) && { code: e.code, status: e.status }).toEqual({
      code: 'database_unavailable',
      status: 503,
    });
    expect(started).toBe(false);
  });

  it('migrates and starts the jobs by itself once the database answers', async () => {
    await proxy.start();
    await until('the retry to succeed', () => readBootState().status === 'ready');
    expect(started).toBe(true);
    expect((await readMigrationState(t.db)).pending).toEqual([]);
    expect(await withDatabase((db) => db.selectFrom('activity_log').selectAll().execute())).toEqual(
      [],
    );
  });

  it('maps an outage mid-run to database_unavailable too', async () => {
    await proxy.stop();
    const e = await errorOf(
      withDatabase((db) => db.selectFrom('activity_log').selectAll().execute()),
    );
    expect(isAppError(e) && e.code).toBe('database_unavailable');
    await proxy.start();
    expect(await withDatabase((db) => db.selectFrom('activity_log').selectAll().execute())).toEqual(
      [],
    );
  });
});
