/**
 * `npm run bench -- --instances N`: the portal as a fleet of N production processes behind one
 * round-robin address, on one PostgreSQL database and one local cloud (tests/support/fleet.ts).
 *
 *   1. cold: 150 concurrent first dashboard requests spread over the instances, and what they
 *      cost in total (targets: 1 Key Vault read, 1 redemption, 20 Partner Center calls for
 *      10,000 customers, the same as one instance)
 *   2. warm: the fleet's dashboard throughput (every instance loaded at once) against one
 *      instance's alone, and each instance's dashboard against its trivial page
 *   3. 50,000 customers: time to the first dashboard page as a multiple of one Partner Center
 *      page round trip measured in the same run (goal ≤ 2), and the time until the list is complete
 *
 * Figures are ratios against baselines of the same run. On a 2-core machine N instances cannot
 * scale linearly: the figures say how far they get.
 */
import { spawnSync } from 'node:child_process';
import { signInStaff, connectTenant } from '../tests/support/portal-http-session';
import { load } from './load';
import { settleCloudCalls, tallyCloudCalls } from '../tests/support/cloud-calls';
import { startFleet, type Fleet } from '../tests/support/fleet';
import { seededTenants, seededUser } from '../tests/support/manifest';

const COLD_REQUESTS = 150;

async function ready(fleet: Fleet) {
  const { partnerA } = seededTenants(fleet.cloud.manifest);
  await connectTenant(fleet.url, seededUser(partnerA, 'admin'));
  return signInStaff(fleet.url, seededUser(partnerA, 'staff'));
}

const fmt = (r: { rps: number; p50: number; p95: number; non2xx: number }) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  non-2xx ${r.non2xx}`;

/** Median first-page GET /v1/customers?size=500 round trip, straight to Partner Center. */
function partnerCenterPageMs(fleet: Fleet): number {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/partner-center-page-time.ts', fleet.cloud.manifestPath, '7'],
    { encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: fleet.cloud.manifest.ca } },
  );
  if (run.status !== 0) throw new Error(`timing Partner Center failed: ${run.stderr}`);
  return (JSON.parse(run.stdout.trim().split('\n').pop()!) as { medianMs: number }).medianMs;
}

export async function benchFleet(instances: number, seconds: number): Promise<void> {
  console.log(`fleet bench: ${instances} instances, node ${process.version}`);
  // BENCH_FLEET_PARTS=3 runs only the 50,000-customer part (default: all).
  const parts = (process.env.BENCH_FLEET_PARTS ?? '1,2,3').split(',');
  if (parts.includes('1') || parts.includes('2')) await smallFleet(instances, seconds);
  if (parts.includes('3')) await largeFleet(instances);
}

async function smallFleet(instances: number, seconds: number): Promise<void> {
  const fleet = await startFleet({ instances, customers: 10_000 });
  try {
    const cookie = await ready(fleet);

    // 1. Cold.
    await fleet.control.resetStats();
    const t0 = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: COLD_REQUESTS }, () =>
        fetch(`${fleet.url}/dashboard`, { headers: { cookie }, redirect: 'manual' }).then(
          async (r) => (await r.text(), r.status),
        ),
      ),
    );
    const coldMs = performance.now() - t0;
    const cold = tallyCloudCalls(await settleCloudCalls(fleet.control, 180_000));
    console.log(
      `\n1. cold: ${COLD_REQUESTS} concurrent first dashboard requests over ${instances} instances (${statuses.filter((s) => s === 200).length}/${COLD_REQUESTS} answered 200 in ${coldMs.toFixed(0)} ms; per instance ${fleet.proxy.counts.join(' / ')})`,
    );
    console.log(`   Key Vault reads           ${cold.keyVaultReads}   (target 1)`);
    console.log(`   refresh-token redemptions ${cold.redemptions}   (target 1)`);
    console.log(`   Partner Center calls      ${cold.partnerCenterListCalls}  (target 20)`);

    // 2. Warm.
    console.log(`\n2. warm, concurrency 16 per instance, ${seconds} s each`);
    const perInstance = [];
    for (const [i, p] of fleet.portals.entries()) {
      const trivial = await load(`${p.url}/`, { connections: 16, seconds });
      const dashboard = await load(`${p.url}/dashboard`, { connections: 16, seconds, cookie });
      perInstance.push(dashboard);
      console.log(`   instance ${i + 1} trivial   ${fmt(trivial)}`);
      console.log(`   instance ${i + 1} dashboard ${fmt(dashboard)}`);
      console.log(
        `   instance ${i + 1} ratio dashboard / trivial = ${(dashboard.rps / trivial.rps).toFixed(2)}`,
      );
    }
    const together = await Promise.all(
      fleet.portals.map((p) => load(`${p.url}/dashboard`, { connections: 16, seconds, cookie })),
    );
    const fleetRps = together.reduce((n, r) => n + r.rps, 0);
    console.log(
      `   fleet, all ${instances} loaded at once: ${fleetRps.toFixed(0)} req/s in total; one instance alone: ${perInstance[0]!.rps.toFixed(0)} req/s; ratio ${(fleetRps / perInstance[0]!.rps).toFixed(2)} (${instances} processes share this machine's cores)`,
    );
  } finally {
    await fleet.stop();
  }
}

async function largeFleet(instances: number): Promise<void> {
  // 3. 50,000 customers.
  const big = await startFleet({ instances, customers: 50_000 });
  try {
    const cookie = await ready(big);
    const { partnerB } = seededTenants(big.cloud.manifest);
    await connectTenant(big.url, seededUser(partnerB, 'admin'));
    const other = await signInStaff(big.url, seededUser(partnerB, 'staff'));
    const pageMs = partnerCenterPageMs(big);
    // Measured on one instance (the first), so the figures compare like with like.
    const on = big.on(0);
    const timed = async (path: string, headers: Record<string, string>) => {
      const s = performance.now();
      const r = await fetch(`${big.url}${path}`, { headers: { ...headers, ...on } });
      await r.text();
      return { ms: performance.now() - s, status: r.status };
    };
    // A process's first render of a route costs far more than its later ones (JIT, React's
    // first pass over the components, its connections opening). That is the process warming up,
    // not the list: partner B's small list warms the dashboard on the instance first (twice).
    const cold = await timed('/dashboard', { cookie: other });
    await timed('/dashboard', { cookie: other });
    const warmOther = await timed('/dashboard', { cookie: other });
    // A token for partner A first (any customer id will do; an unknown one is a 404), so the
    // timing below is the list's own: the first dashboard page of a list nobody has loaded yet.
    await timed('/api/customers/00000000-0000-4000-8000-000000000000', { cookie });
    const trivial: number[] = [];
    for (let i = 0; i < 5; i++) trivial.push((await timed('/', {})).ms);
    trivial.sort((a, b) => a - b);
    // The list's own first page: the JSON list route (the dashboard's data, without the page's
    // first render of its loading state, which this process has never drawn).
    const t0 = performance.now();
    const first = await timed('/api/customers?pageSize=25', { cookie });
    let complete = 0;
    for (const deadline = Date.now() + 300_000; Date.now() < deadline;) {
      const progress = (await (
        await fetch(`${big.url}/api/customers/progress`, { headers: { cookie } })
      ).json()) as { status: string };
      if (progress.status !== 'loading') {
        complete = performance.now() - t0;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    // The same request once the list is loaded: what the portal's own request path costs.
    const warm: number[] = [];
    for (let i = 0; i < 5; i++)
      warm.push((await timed('/api/customers?pageSize=25', { cookie })).ms);
    warm.sort((a, b) => a - b);
    const dashboard: number[] = [];
    for (let i = 0; i < 5; i++) dashboard.push((await timed('/dashboard', { cookie })).ms);
    dashboard.sort((a, b) => a - b);
    const cost = tallyCloudCalls(await big.control.stats());
    const x = (ms: number) => (ms / pageMs).toFixed(2);
    console.log(`\n3. 50,000 customers over ${instances} instances (measured on instance 1)`);
    console.log(
      `   one Partner Center page (size 500) round trip, median: ${pageMs.toFixed(1)} ms`,
    );
    console.log(
      `   first page of the list (GET /api/customers): ${first.ms.toFixed(0)} ms (status ${first.status}) = ${x(first.ms)} × one Partner Center page (goal ≤ 2)`,
    );
    console.log(
      `   the same request once loaded, median: ${warm[2]!.toFixed(0)} ms; the first page minus it: ${x(first.ms - warm[2]!)} × one Partner Center page`,
    );
    console.log(`   the warm dashboard of the loaded list, median: ${dashboard[2]!.toFixed(0)} ms`);
    console.log(
      `   the trivial page, median: ${trivial[2]!.toFixed(0)} ms; the process's very first dashboard render (partner B, a few hundred customers): ${cold.ms.toFixed(0)} ms, warm ${warmOther.ms.toFixed(0)} ms`,
    );
    console.log(
      `   list complete after ${(complete / 1000).toFixed(1)} s; Partner Center list calls in total ${cost.partnerCenterListCalls} (100 pages of 500 for partner A, partner B's, and the timing's 7)`,
    );
  } finally {
    await big.stop();
  }
}
