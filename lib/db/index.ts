import 'server-only';
import type { Kysely } from 'kysely';
import { getConfig } from '@/lib/config';
import { processSingleton } from '@/lib/tokens/process-singleton';
import { createDatabase, type DatabaseConnection } from './create-database';
import { databaseUnavailable, toDatabaseError } from './database-error';
import { isBootPending } from './boot-state';
import type { Database } from './schema';

export type { Database } from './schema';
export { DATABASE_BEHIND, DATABASE_UNAVAILABLE, isDatabaseUnreachable } from './database-error';
export { isBootPending, readBootState, type BootState } from './boot-state';

/** The process's pool and query builder, over DATABASE_URL (one per process, shared by every bundle). */
export function getDatabaseConnection(): DatabaseConnection {
  return processSingleton('db.connection', () => createDatabase(getConfig().DATABASE_URL));
}

/** Test hook: close this process's pool and forget it, so a changed DATABASE_URL is used next. */
export async function resetDatabaseForTests(): Promise<void> {
  const registry = globalThis as unknown as Record<symbol, DatabaseConnection | undefined>;
  const key = Symbol.for('partner-portal.db.connection');
  const current = registry[key];
  delete registry[key];
  await current?.db.destroy().catch(() => {});
}

export function getDatabase(): Kysely<Database> {
  return getDatabaseConnection().db;
}

/**
 * Runs `fn` against the database for a page, route or job. While the portal's start-up migration
 * has not finished (the database is unreachable, or still migrating) and whenever the server is
 * unreachable mid-request, it throws the stable `database_unavailable` AppError (503) instead of
 * a raw connection error, so callers render their error state and never a 500.
 */
export async function withDatabase<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (isBootPending()) throw databaseUnavailable();
  try {
    return await fn(getDatabase());
  } catch (e) {
    throw toDatabaseError(e);
  }
}
