/**
 * `npm run bench`: the dashboard's token path and latency, on this machine, against the local
 * Microsoft cloud seeded with 10,000 customers and the portal's production build.
 *
 *   1. cold start: 50 concurrent first dashboard requests by one tenant's staff → how many Key
 *      Vault reads, refresh-token redemptions and Partner Center calls they cost (target 1, 1, 20)
 *   2. warm: dashboard p50/p95 and requests/s at concurrency 16, beside the same figures for a
 *      trivial page of the same server, in turns, as ratios (target ≥ 0.7 of its throughput, a
 *      p95 within 1.5 times the trivial page's)
 *   3. the operator's connections table over 500 connected partners (`--partners 500`): the
 *      first render (a walk of Key Vault's secret pages) and warm renders at concurrency 16 beside
 *      the trivial page, with the Key Vault list requests each phase cost (target 0 when warm)
 *   4. memory: the portal's RSS after the run
 *   5. the access view over 10,000 rows (seeded straight into the database), warm, in turns of
 *      2 s with a trivial page (target ≥ 0.5 of its throughput)
 *   6. the Activity page over 100,000 activity rows (seeded straight into the database), for the
 *      operator (every partner-level row) and for partner A's admin (half of them), each beside a
 *      trivial page and the warm dashboard measured again right then, the same way, all four in
 *      turns of 2 s (target ≥ 0.5)
 *
 * `npm run bench -- --instances 3` runs the fleet bench instead (bench/fleet.ts): three portal
 * processes on one database and one local cloud.
 *
 * Figures are ratios against the baseline page measured in the same run, never pass/fail asserts.
 * BENCH_SKIP_BUILD=1 reuses an existing build; BENCH_SECONDS sets each load phase's length;
 * BENCH_CPU_PROFILE=<dir> writes a CPU profile of the portal there.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startDatabaseProcess } from '../scripts/database-process';
import { portalEnvFromManifest } from '../scripts/emulator-env';
import { findFreePortBlock, startEmulatorProcess } from '../scripts/emulator-process';
import { tallyCloudCalls, settleCloudCalls } from '../tests/support/cloud-calls';
import { controlFor } from '../tests/support/control';
import { seededTenants, seededUser } from '../tests/support/manifest';
import { benchConnectionsView } from './connections-view';
import { connectTenant, signInStaff } from '../tests/support/portal-http-session';
import { loadInTurns, type LoadResult } from './load';
import { startPortal } from './portal-server';

const CUSTOMERS = 10_000;
const ACTIVITY_ROWS = 100_000;
const PARTNERS = 500;
const COLD_REQUESTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { instances: { type: 'string' } } });
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    console.log('building the portal…');
    if (spawnSync('npm', ['run', 'build'], { stdio: 'ignore' }).status !== 0)
      throw new Error('npm run build failed');
  }
  // --instances N: the fleet bench instead (bench/fleet.ts).
  if (values.instances) {
    const { benchFleet } = await import('./fleet');
    return benchFleet(Number(values.instances), SECONDS);
  }
  const port = await findFreePortBlock(1);
  const portalUrl = `http://localhost:${port}`;
  const cloud = await startEmulatorProcess({
    portalUrl,
    customers: CUSTOMERS,
    partners: PARTNERS,
  });
  const database = await startDatabaseProcess();
  const env = {
    ...process.env,
    ...portalEnvFromManifest(cloud.manifest, cloud.manifestPath, portalUrl),
    DATABASE_URL: database.url,
  };
  const control = controlFor(cloud.manifest);
  const portal = await startPortal(port, env);
  try {
    const { partnerA } = seededTenants(cloud.manifest);
    await connectTenant(portal.url, seededUser(partnerA, 'admin'));
    const cookie = await signInStaff(portal.url, seededUser(partnerA, 'staff'));

    // 1. Cold start.
    await control.resetStats();
    const t0 = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: COLD_REQUESTS }, () =>
        fetch(`${portal.url}/dashboard`, { headers: { cookie }, redirect: 'manual' }).then(
          async (r) => (await r.text(), r.status),
        ),
      ),
    );
    const coldMs = performance.now() - t0;
    const cold = tallyCloudCalls(await settleCloudCalls(control));
    const ok = statuses.filter((s) => s === 200).length;

    // 2. Warm: the dashboard against a trivial page of the same server, in turns (as in 5 and
    // 6): one 10 s run each let a burst of other work on a shared machine land on one page only.
    const [trivial, dashboard] = (await loadInTurns(
      [{ url: `${portal.url}/` }, { url: `${portal.url}/dashboard`, cookie }],
      { connections: 16, seconds: SECONDS, rounds: 5 },
    )) as [LoadResult, LoadResult];
    const view = await benchConnectionsView(portal.url, cloud.manifest, control, SECONDS);
    // 5. The access view: partner A's rows seeded straight into the database (the view is a
    // query over them), then the warm page against the trivial page, in turns.
    const seeded = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=react-server',
        'bench/access-seed-rows.ts',
        partnerA.id,
        String(CUSTOMERS),
      ],
      { env, stdio: 'inherit' },
    );
    if (seeded.status !== 0) throw new Error('seeding the access rows failed');
    // In turns beside the trivial page (as in 6), so the ratio compares the same minutes.
    const [trivial5, access] = (await loadInTurns(
      [{ url: `${portal.url}/` }, { url: `${portal.url}/dashboard/access`, cookie }],
      { connections: 16, seconds: SECONDS, rounds: 5 },
    )) as [LoadResult, LoadResult];
    // 6. The activity page at 100,000 rows, with the trivial page and the dashboard measured
    // again beside it, so all three ratios come from the same minute of the same machine.
    const seededActivity = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=react-server',
        'bench/activity-seed-rows.ts',
        partnerA.id,
        String(ACTIVITY_ROWS),
      ],
      { env, stdio: 'inherit' },
    );
    if (seededActivity.status !== 0) throw new Error('seeding the activity rows failed');
    const { home } = seededTenants(cloud.manifest);
    const operatorCookie = await signInStaff(portal.url, seededUser(home, 'operator'));
    const adminCookie = await signInStaff(portal.url, seededUser(partnerA, 'admin'));
    // In turns (5 rounds), so a burst of other work on a shared machine lands on all four alike.
    const turns = await loadInTurns(
      [
        { url: `${portal.url}/` },
        { url: `${portal.url}/dashboard`, cookie },
        { url: `${portal.url}/activity`, cookie: operatorCookie },
        { url: `${portal.url}/activity?kind=rotate`, cookie: adminCookie },
      ],
      { connections: 16, seconds: SECONDS, rounds: 5 },
    );
    const [trivial6, dashboard6, activityOperator, activityAdmin] = turns as [
      LoadResult,
      LoadResult,
      LoadResult,
      LoadResult,
    ];
    const rss = portal.rssMiB();

    console.log(
      `\nbench: ${CUSTOMERS.toLocaleString('en-US')} customers, partner "${partnerA.name}", node ${process.version}`,
    );
    console.log(
      `\n1. cold start: ${COLD_REQUESTS} concurrent first dashboard requests (${ok}/${COLD_REQUESTS} answered 200 in ${coldMs.toFixed(0)} ms)`,
    );
    console.log(`   Key Vault reads          ${cold.keyVaultReads}   (target 1)`);
    console.log(`   refresh-token redemptions ${cold.redemptions}   (target 1)`);
    console.log(
      `   Partner Center calls     ${cold.partnerCenterListCalls}  (target ${Math.ceil(CUSTOMERS / 500)})`,
    );
    console.log(`\n2. warm, concurrency 16, ${SECONDS} s each in 5 turns`);
    console.log(
      `   trivial page   ${trivial.rps.toFixed(0).padStart(6)} req/s  p50 ${trivial.p50.toFixed(1)} ms  p95 ${trivial.p95.toFixed(1)} ms  non-2xx ${trivial.non2xx}`,
    );
    console.log(
      `   dashboard      ${dashboard.rps.toFixed(0).padStart(6)} req/s  p50 ${dashboard.p50.toFixed(1)} ms  p95 ${dashboard.p95.toFixed(1)} ms  non-2xx ${dashboard.non2xx}`,
    );
    console.log(
      `   throughput ratio dashboard / trivial = ${(dashboard.rps / trivial.rps).toFixed(2)}  (target ≥ 0.7); p95 dashboard / trivial = ${(dashboard.p95 / trivial.p95).toFixed(2)}  (target ≤ 1.5)`,
    );
    console.log(
      `\n3. operator's connections table, ${view.partners} connected partners, concurrency 16, ${SECONDS} s`,
    );
    console.log(
      `   first render   ${view.coldMs.toFixed(0)} ms, Key Vault list pages ${view.coldListPages} (a full walk)`,
    );
    console.log(
      `   next renders   ${view.sequentialMedianMs.toFixed(0)} ms median, one at a time (cached listing); first / cached = ${(view.coldMs / view.sequentialMedianMs).toFixed(1)}`,
    );
    console.log(
      `   warm           ${view.warm.rps.toFixed(0).padStart(6)} req/s  p50 ${view.warm.p50.toFixed(1)} ms  p95 ${view.warm.p95.toFixed(1)} ms  non-2xx ${view.warm.non2xx}`,
    );
    console.log(
      `   Key Vault list pages while warm ${view.warmListPages} (target 0); throughput ratio connections / trivial = ${(view.warm.rps / trivial.rps).toFixed(2)}`,
    );
    console.log(`\n4. memory: portal RSS after the run ${rss.toFixed(0)} MiB`);
    console.log(
      `\n5. access view (${CUSTOMERS.toLocaleString('en-US')} rows), warm, concurrency 16, ${SECONDS} s each in 5 turns`,
    );
    console.log(
      `   trivial page   ${trivial5.rps.toFixed(0).padStart(6)} req/s  p50 ${trivial5.p50.toFixed(1)} ms  p95 ${trivial5.p95.toFixed(1)} ms  non-2xx ${trivial5.non2xx}`,
    );
    console.log(
      `   access page    ${access.rps.toFixed(0).padStart(6)} req/s  p50 ${access.p50.toFixed(1)} ms  p95 ${access.p95.toFixed(1)} ms  non-2xx ${access.non2xx}`,
    );
    console.log(
      `   throughput ratio access / trivial = ${(access.rps / trivial5.rps).toFixed(2)}  (target ≥ 0.5)`,
    );
    console.log(
      '   the first full sync: npm run bench:access-sync -- [--customers 50000 --max-minutes 10]',
    );
    const line = (label: string, r: typeof trivial6) =>
      `   ${label.padEnd(26)}${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  non-2xx ${r.non2xx}`;
    console.log(
      `\n6. activity page over ${ACTIVITY_ROWS.toLocaleString('en-US')} rows, warm, concurrency 16, ${SECONDS} s each in 5 turns`,
    );
    console.log(line('trivial page', trivial6));
    console.log(line('dashboard (staff)', dashboard6));
    console.log(line('activity (operator)', activityOperator));
    console.log(line('activity ?kind= (admin A)', activityAdmin));
    console.log(
      `   throughput ratio activity / trivial = ${(activityOperator.rps / trivial6.rps).toFixed(2)} operator, ${(activityAdmin.rps / trivial6.rps).toFixed(2)} admin A  (target ≥ 0.5)`,
    );
    console.log(
      `   warm dashboard / trivial, measured the same way = ${(dashboard6.rps / trivial6.rps).toFixed(2)}`,
    );
  } finally {
    portal.stop();
    cloud.stop();
    await database.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
