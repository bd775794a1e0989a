/**
 * The access sync's first full pass for partner A, on this machine: a fresh local cloud seeded
 * with `--customers N` (default 2,500; `--customers 50000` is the large option) and an embedded
 * PostgreSQL; the partner connects through the portal's own connect flow, then one run of the
 * sync goes over every customer. Prints the duration, the customers and consent checks, the
 * access assignments read, the Graph and token requests the emulator counted, and the rate
 * achieved against the budget.
 *
 *   npm run bench:access-sync -- [--customers 50000] [--rate 60] [--max-minutes 10]
 *
 * `--max-minutes` caps the run as the portal's job does (10 minutes, then it queues itself
 * again): for 50,000 customers a full pass is several runs, so the figure to read is how far one
 * run gets.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startDatabaseProcess } from '../scripts/database-process';
import { portalEnvFromManifest } from '../scripts/emulator-env';
import { findFreePortBlock, startEmulatorProcess } from '../scripts/emulator-process';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

async function main(): Promise<void> {
  const customers = arg('customers', 2_500);
  const rate = arg('rate', 60);
  const maxMinutes = process.argv.includes('--max-minutes') ? arg('max-minutes', 10) : undefined;
  const [port] = [await findFreePortBlock(1)];
  const portalUrl = `http://localhost:${port}`;
  const cloud = await startEmulatorProcess({ portalUrl, customers });
  const database = await startDatabaseProcess();
  try {
    const env = {
      ...process.env,
      ...portalEnvFromManifest(cloud.manifest, cloud.manifestPath, portalUrl),
      DATABASE_URL: database.url,
      ACCESS_SYNC_REQUESTS_PER_SECOND: String(rate),
      LOG_LEVEL: 'error',
      ...(maxMinutes ? { BENCH_MAX_RUN_MS: String(maxMinutes * 60_000) } : {}),
    };
    // A child process: NODE_EXTRA_CA_CERTS (the local CA) is read only when Node starts.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', join(__dirname, 'access-sync-run.ts')],
      { env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    if (code !== 0) throw new Error(`the sync run exited ${code}`);
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as {
      seconds: number;
      customers: number;
      checked: number;
      relationships: number;
      calls: number;
      outcome: string;
      remaining: number;
      assignmentsRead?: number;
      assignmentsDeferred?: number;
      unassigned?: number;
    };
    console.log(
      `access sync, first full pass (partner A, ${customers.toLocaleString('en-US')} seeded customers, budget ${rate}/s)`,
    );
    console.log(
      `  outcome            ${r.outcome}${maxMinutes ? ` (run capped at ${maxMinutes} min; ${r.remaining.toLocaleString('en-US')} customers left for the next runs)` : ''}`,
    );
    console.log(
      `  duration           ${r.seconds.toFixed(1)} s (goal for 2,500 customers: under 120 s)`,
    );
    console.log(
      `  rows               ${r.customers.toLocaleString('en-US')} (relationships read: ${r.relationships.toLocaleString('en-US')})`,
    );
    console.log(`  consent checks     ${r.checked.toLocaleString('en-US')}`);
    console.log(
      `  access assignments ${(r.assignmentsRead ?? 0).toLocaleString('en-US')} relationships read (${(r.assignmentsDeferred ?? 0).toLocaleString('en-US')} left for the next run); ${(r.unassigned ?? 0).toLocaleString('en-US')} customers with GDAP no group holds (not checked)`,
    );
    console.log(
      `  Graph+token calls  ${r.calls.toLocaleString('en-US')} (${(r.calls / r.seconds).toFixed(1)} per second; budget ${rate})`,
    );
  } finally {
    cloud.stop();
    await database.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
