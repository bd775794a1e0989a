/**
 * The measured part of bench/access-sync.ts, in a process started with the local cloud's
 * environment: migrate, connect partner A, reset the emulator's counters, run the sync once.
 * Prints one JSON line.
 */
import { liveSyncDeps } from '@/lib/access/live-sync-deps';
import { syncPartner } from '@/lib/access/sync-partner';
import { getDatabase } from '@/lib/db';
import { migrateToLatest } from '@/lib/db/migrate';
import { connectPartner } from '../tests/support/connect-partner';
import { control } from '../tests/support/control';

async function main(): Promise<void> {
  await migrateToLatest(getDatabase());
  const partner = await connectPartner('partnerA');
  await control.resetStats();
  const t0 = performance.now();
  const cap = Number(process.env.BENCH_MAX_RUN_MS);
  const summary = await syncPartner(
    partner,
    liveSyncDeps(partner, { maxRunMs: Number.isFinite(cap) && cap > 0 ? cap : undefined }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const counts = await control.stats();
  const calls = Object.entries(counts)
    .filter(([k]) => k.startsWith('graph ') || (k.startsWith('entra POST') && k.includes('token')))
    .reduce((n, [, v]) => n + v, 0);
  console.log(
    JSON.stringify({ seconds, calls, ...summary, partnerError: summary.partnerError?.code }),
  );
  await getDatabase().destroy();
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
