import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';

/** The slice of node-postgres's Pool that lib/fleet uses (lib/db's pool; a test's own pool). */
export interface SqlPool {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<QueryResult<R>>;
  connect(): Promise<PoolClient>;
}

export type { Pool, PoolClient };

/**
 * Runs `fn` in a transaction on one pooled connection: COMMIT when it returns, ROLLBACK when it
 * throws. A connection that saw an error is dropped rather than returned to the pool, since its
 * state is not known.
 */
export async function withTransaction<T>(
  pool: SqlPool,
  fn: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    failure = e as Error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release(failure);
  }
}

/**
 * "The database cannot be reached right now", as opposed to a bug in a query: lib/db's one
 * classification, so lib/fleet degrades on exactly what the rest of the portal calls an outage.
 */
export { isDatabaseUnreachable as isDatabaseUnavailable } from '@/lib/db/database-error';
