import { resetDatabaseForTests } from '@/lib/db';
import { controlFor } from './control';
import { loadManifest } from './manifest';

// Integration test files share one local cloud, so what one file changes must not leak into the
// next: a moved clock makes the next file's tokens "not yet valid" by the machine's clock, and a
// fault left active (a dropped connection "until reset") makes its calls fail. Restoring both
// after every file keeps the files independent of their order.
const shared = controlFor(loadManifest());

afterAll(async () => {
  await shared.clearFaults();
  await shared.resetClock();
  // lib/ code under test (an activity row, say) may have opened this process's pool: close it, so
  // no idle client keeps jest from exiting when the file ends.
  await resetDatabaseForTests();
});
