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
 * "The database cannot be reached right now", as opposed to a bug in a query: lib/db's one
 * classification, so lib/fleet degrades on exactly what the rest of the portal calls an outage.
 */
export { isDatabaseUnreachable as isDatabaseUnavailable } from '@/lib/db/database-error';
