import 'server-only';
import { startJobs, stopJobs } from '@/lib/jobs';
import { bootDatabase, closeDatabase } from './boot';

/**
 * The portal server's background start: migrations (retried while the database is unreachable),
 * then the job runner. Not awaited, so the server answers at once; pages that need the database
 * show `database_unavailable` until it is ready. On SIGTERM/SIGINT the runner stops taking jobs
 * and the pool closes (best effort: Next exits the process itself).
 */
export function startServerBackground(): void {
  void bootDatabase(startJobs);
  const stop = () => void stopJobs().then(closeDatabase);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
