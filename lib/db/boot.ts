import 'server-only';
import { log } from '@/lib/log';
import { isDatabaseUnreachable } from './database-error';
import { writeBootState } from './boot-state';
import { getDatabase, getDatabaseConnection } from './index';
import { migrateToLatest } from './migrate';

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 60_000;

/**
 * The portal server's start-up: migrate under Kysely's advisory lock, then start whatever needs
 * a migrated database (`then`, the job runner). An unreachable database does not stop the
 * server: it keeps retrying with back-off (1 s doubling to 60 s) while pages show the
 * `database_unavailable` state. Resolves once ready; instrumentation.ts does not await it.
 */
export async function bootDatabase(then: () => Promise<void>): Promise<void> {
  let delay = FIRST_DELAY_MS;
  // Until the first attempt ends, the tables may not exist: readiness and pages must not count
  // this process as ready (a load balancer would send it a connect it cannot record).
  writeBootState({ status: 'migrating', attempts: 0, since: new Date() });
  for (let attempt = 1; ; attempt++) {
    try {
      const applied = await migrateToLatest(getDatabase());
      writeBootState({ status: 'ready', attempts: attempt, since: new Date() });
      log.info(
        { migrations: applied, attempt },
        applied.length ? 'database migrated' : 'database up to date',
      );
      await then();
      return;
    } catch (e) {
      const unreachable = isDatabaseUnreachable(e);
      const errorCode = unreachable ? 'database_unavailable' : 'database_migration_failed';
      const nextAttemptAt = new Date(Date.now() + delay);
      writeBootState({
        status: unreachable ? 'waiting' : 'failed',
        attempts: attempt,
        errorCode,
        since: new Date(),
        nextAttemptAt,
      });
      log.warn(
        { errorCode, attempt, retryInMs: delay, err: unreachable ? undefined : e },
        unreachable ? 'database unreachable; retrying' : 'database migration failed; retrying',
      );
      await new Promise((r) => setTimeout(r, delay).unref());
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }
}

/** Closes the pool (server shutdown). */
export async function closeDatabase(): Promise<void> {
  await getDatabaseConnection()
    .pool.end()
    .catch(() => {});
}
