import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export interface DatabaseConnection {
  db: Kysely<Database>;
  pool: pg.Pool;
}

/**
 * A pool and a typed query builder over one `DATABASE_URL`: the same code for the embedded
 * server, CI and Azure Database for PostgreSQL (`sslmode` and other libpq parameters in the URL
 * are read by `pg`). Plain Node, no Next: the console, the scripts and the tests use it too.
 */
export function createDatabase(
  url: string,
  opts: { max?: number; applicationName?: string } = {},
): DatabaseConnection {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'partner-portal',
    // Fail a request within seconds when the server is down, instead of hanging the page.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client whose server went away emits 'error' on the pool; unhandled, it would crash
  // the process. The next query reports the outage instead (see toDatabaseError).
  pool.on('error', () => {});
  // A client that is checked out when the server goes away emits 'error' on itself, with no
  // listener (the pool removes its own while lending it): that too would crash the process. The
  // query it was running is rejected anyway, which is where the outage is reported.
  pool.on('connect', (client) => client.on('error', () => {}));
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}
