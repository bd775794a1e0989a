import 'server-only';
import { getConfig } from '@/lib/config';
import { getDatabaseConnection } from '@/lib/db';
import { createDatabase } from '@/lib/db/create-database';
import { processSingleton } from '@/lib/tokens/process-singleton';
import type { SqlPool } from './sql-pool';

/** The process's query pool (lib/db's). */
export function getFleetPool(): SqlPool {
  return getDatabaseConnection().pool;
}

/**
 * The tenant and directory locks' own few connections (see PgTenantLock): holders of several
 * tenants' locks must never take every connection their own work then waits for.
 */
export function getLockPool(): SqlPool {
  return processSingleton(
    'fleet.lock-pool',
    () =>
      createDatabase(getConfig().DATABASE_URL, { max: 4, applicationName: 'partner-portal-locks' })
        .pool,
  );
}
