/**
 * lib/db's per-file test database, plus extra pools on it: each pool is its own set of sessions,
 * as a separate portal instance would have, so advisory locks and the shared tables behave
 * across "instances" as they do across processes.
 */
import pg from 'pg';
import { createTestDatabase as createDatabase } from './test-database';

export interface FleetTestDatabase {
  url: string;
  pool: pg.Pool;
  newPool(max?: number): pg.Pool;
  drop(): Promise<void>;
}

export type TestDatabase = FleetTestDatabase;

export async function createTestDatabase(): Promise<FleetTestDatabase> {
  const database = await createDatabase();
  const pools: pg.Pool[] = [];
  const newPool = (max = 4) => {
    const pool = new pg.Pool({ connectionString: database.url, max });
    pool.on('error', () => {});
    pools.push(pool);
    return pool;
  };
  return {
    url: database.url,
    pool: newPool(4),
    newPool,
    async drop() {
      await Promise.all(pools.map((p) => p.end().catch(() => {})));
      await database.drop();
    },
  };
}
