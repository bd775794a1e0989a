import 'server-only';
import { getFleetChangeFeed } from '@/lib/fleet';
import { startJobs, stopJobs } from '@/lib/jobs';
import { bootDatabase, closeDatabase } from './boot';

/**
 * The portal server's background start: migrations (retried while the database is unreachable),
 * then the fleet's change feed and the job runner. Not awaited, so the server answers at once;
 * pages that need the database show `database_unavailable` until it is ready. On SIGTERM/SIGINT
 * the runner stops taking jobs, the feed closes its connection and the pool closes (best effort:
 * Next exits the process itself).
 */
export function startServerBackground(): void {
  void bootDatabase(async () => {
    // The change triggers exist from here on (a migration creates them).
    getFleetChangeFeed().start();
    await startJobs();
  });
  const stop = () =>
    void Promise.all([stopJobs(), getFleetChangeFeed().stop()]).then(closeDatabase);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
