/**
 * An isolated PostgreSQL database for each integration test file, on the server that
 * `scripts/with-emulator.ts` / `npm test` started (its URL is DATABASE_URL). Use it from any test
 * that touches the database, so files can run in parallel and never see each other's rows:
 *
 *   import { createTestDatabase, type TestDatabase } from '../support/test-database';
 *   let t: TestDatabase;
 *   beforeAll(async () => { t = await createTestDatabase(); });   // migrated, empty
 *   afterAll(() => t.drop());
 *   // t.db is a Kysely<Database>; t.url its URL. To make lib/ code that calls getDatabase()
 *   // use it too: await t.useForLib() (sets DATABASE_URL, resets the config and pool singletons).
 *
 * Fast: the first call on a server migrates a template database once (named after the migration
 * list, so a new migration makes a new template), and each test database is a
 * `CREATE DATABASE … TEMPLATE` copy of it. `{ migrate: false }` gives an empty database instead.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createDatabase } from '@/lib/db/create-database';
import { migrateToLatest } from '@/lib/db/migrate';
import { migrationFiles } from '@/lib/db/migrations';
import type { Database } from '@/lib/db/schema';

export interface TestDatabase {
  name: string;
  url: string;
  db: Kysely<Database>;
  pool: pg.Pool;
  /** Points DATABASE_URL (and lib/'s config and pool singletons) at this database. */
  useForLib(): Promise<void>;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      'DATABASE_URL is not set: run database tests through `npm run test:integration` or scripts/with-emulator.ts.',
    );
  return url;
}

export function urlWithDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The server's real URL (kept when useForLib() repoints DATABASE_URL). */
const SERVER_URL = process.env.DATABASE_URL;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: SERVER_URL ?? serverUrl() });
  await c.connect();
  try {
    // Serialises template creation and copies across jest workers.
    await c.query(`select pg_advisory_lock(hashtext('partner-portal test databases'))`);
    return await fn(c);
  } finally {
    await c.end();
  }
}

const templateName = () =>
  `portal_tmpl_${createHash('sha256')
    .update(migrationFiles.map(([n]) => n).join(','))
    .digest('hex')
    .slice(0, 16)}`;

async function ensureTemplate(c: pg.Client, base: string): Promise<string> {
  const name = templateName();
  const found = await c.query('select 1 from pg_database where datname = $1', [name]);
  if (found.rowCount) return name;
  const building = `${name}_build`;
  await c.query(`drop database if exists ${building}`);
  await c.query(`create database ${building}`);
  const { db } = createDatabase(urlWithDatabase(base, building), { max: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  await c.query(`alter database ${building} rename to ${name}`);
  return name;
}

/**
 * lib/config and lib/db are `server-only` modules: imported only when a jest test asks for them,
 * so Playwright (which also starts private clouds with a database) never loads them.
 */
async function resetLibSingletons(): Promise<void> {
  const [{ resetConfigForTests }, { resetDatabaseForTests }] = await Promise.all([
    import('@/lib/config'),
    import('@/lib/db'),
  ]);
  resetConfigForTests();
  await resetDatabaseForTests();
}

export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const base = SERVER_URL ?? serverUrl();
  const name = `portal_test_${randomBytes(6).toString('hex')}`;
  await admin(async (c) => {
    if (opts.migrate === false) await c.query(`create database ${name}`);
    else await c.query(`create database ${name} template ${await ensureTemplate(c, base)}`);
  });
  const url = urlWithDatabase(base, name);
  const { db, pool } = createDatabase(url, { max: 4 });
  let dropped = false;
  return {
    name,
    url,
    db,
    pool,
    async useForLib() {
      process.env.DATABASE_URL = url;
      await resetLibSingletons();
    },
    async drop() {
      if (dropped) return;
      dropped = true;
      await db.destroy();
      if (process.env.DATABASE_URL === url) {
        process.env.DATABASE_URL = base;
        await resetLibSingletons();
      }
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
