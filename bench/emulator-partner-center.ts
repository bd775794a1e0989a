/**
 * The Partner Center emulator's own speed, so it never dominates the portal's benchmarks.
 *
 *   npx tsx bench/emulator-partner-center.ts [--customers 50000] [--requests 200]
 *   npx tsx bench/emulator-partner-center.ts --manifest <state-dir>/manifest.json [--requests 200]
 *
 * Default: boots the Partner Center service in-process on a real HTTPS listener (the emulator's
 * TLS and listener code, an App+User token signed with the emulator's keys, a map-backed stand-in
 * for the Entra directory), so the figures are Partner Center's alone. With --manifest it measures
 * a running emulator instead, with a real token from its Entra (partner A's admin signs in).
 * Reports, over keep-alive HTTPS:
 *   - startup (in-process only): seeding and indexing partner A's customers
 *   - GET /v1/customers?size=500: median and p95, first and continuation pages, beside
 *     GET /v1/profiles/organization (a tiny body) as the baseline measured in the same run
 *   - paging all of partner A's customers at size=500, parsing every page
 */
import { Agent, request } from 'node:https';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Clock } from '../emulator/core/clock';
import { FaultRegistry } from '../emulator/core/faults';
import { createListener } from '../emulator/core/listen';
import type { Manifest } from '../emulator/core/manifest';
import type { EmulatorContext } from '../emulator/core/service';
import { SigningKeys } from '../emulator/core/signing-keys';
import { RequestStats } from '../emulator/core/stats';
import { ensureTls } from '../emulator/core/tls';
import type { Tenant, TenantKind } from '../emulator/directory/types';
import { createPartnerCenterService } from '../emulator/partner-center';
import { userToken } from '../tests/integration/partner-center-tokens';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '50000' },
    requests: { type: 'string', default: '200' },
    manifest: { type: 'string' },
  },
});
const REQUESTS = Number(values.requests);
const PARTNER_A = 'a2000000-0000-4000-8000-00000000000a';

interface Target {
  label: string;
  url: string;
  ca: Buffer;
  token: string;
  controlUrl: string;
  startupMs?: number;
  close(): Promise<void>;
}

async function inProcess(customers: number): Promise<Target> {
  const stateDir = mkdtempSync(join(tmpdir(), 'pc-bench-'));
  const tls = ensureTls(stateDir);
  const clock = new Clock();
  const ctx: EmulatorContext = {
    stateDir,
    urls: {
      entra: 'https://localhost:1',
      entraBrowser: 'http://localhost:2',
      keyVault: 'https://localhost:3',
      partnerCenter: '',
      control: '',
      graph: '',
    },
    clock,
    keys: new SigningKeys(stateDir, clock),
    faults: new FaultRegistry(),
    stats: new RequestStats(),
    caPath: tls.caPath,
    customerScale: customers,
    portalUrl: 'http://localhost:3000',
  };
  const tenants: Tenant[] = [
    {
      id: PARTNER_A,
      name: 'Contoso Partners',
      domain: 'contosopartners.onmicrosoft.com',
      kind: 'partner',
      users: [],
    },
    {
      id: 'b2000000-0000-4000-8000-00000000000b',
      name: 'Fabrikam Cloud',
      domain: 'fabrikamcloud.onmicrosoft.com',
      kind: 'partner',
      users: [],
    },
  ];
  const customerTenants = new Map<string, Tenant>();
  const directory = {
    listTenants: (kind?: TenantKind) => tenants.filter((t) => !kind || t.kind === kind),
    addCustomerTenants: (list: Array<{ id: string; name: string; domain: string }>) => {
      for (const t of list) customerTenants.set(t.id, { ...t, kind: 'customer', users: [] });
    },
  };

  const t0 = performance.now();
  const svc = createPartnerCenterService(ctx, directory);
  const startupMs = performance.now() - t0;
  const app = await createListener({ port: 0, tls: { cert: tls.cert, key: tls.key } });
  ctx.faults.install(app, svc.name, (s, r) => svc.faultBody(s, r));
  await svc.register(app);
  const control = await createListener({ port: 0 });
  await control.register(async (scoped) => svc.registerControl!(scoped), {
    prefix: '/partner-center',
  });
  const port = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port);
  const controlUrl = await control.listen({ port: 0, host: '127.0.0.1' });
  const now = clock.nowSeconds();
  const token = await ctx.keys.sign(
    {
      aud: 'https://api.partnercenter.microsoft.com',
      iss: `https://sts.windows.net/${PARTNER_A}/`,
      tid: PARTNER_A,
      oid: 'x',
      scp: 'user_impersonation',
      amr: ['pwd', 'mfa'],
      iat: now,
      nbf: now,
      exp: now + 7200,
      ver: '1.0',
    },
    { v1: true },
  );
  return {
    label: `in-process, partner A with ${customers.toLocaleString('en-US')} customers`,
    url: `https://localhost:${port}`,
    ca: readFileSync(tls.caPath),
    token,
    controlUrl,
    startupMs,
    close: async () => {
      await app.close();
      await control.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

async function running(manifestPath: string): Promise<Target> {
  const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  return {
    label: `running emulator at ${m.partnerCenter!.url}`,
    url: m.partnerCenter!.url,
    ca: readFileSync(m.ca),
    token: await userToken(m, 'partnerA', 'admin'),
    controlUrl: m.control.url,
    close: async () => {},
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;
type NextLink = { uri: string; headers: Array<{ key: string; value: string }> };

async function measure(t: Target) {
  const { hostname, port } = new URL(t.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: t.ca });
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string; ms: number }>((done, fail) => {
      const started = performance.now();
      const req = request(
        {
          host: hostname,
          port,
          path,
          agent,
          headers: { authorization: `Bearer ${t.token}`, ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            done({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - started,
            }),
          );
        },
      );
      req.on('error', fail);
      req.end();
    });
  const headersOf = (n: NextLink) => Object.fromEntries(n.headers.map((h) => [h.key, h.value]));

  // The bench sends far more than the 500 customer requests a minute Partner Center allows.
  const raised = await fetch(`${t.controlUrl}/partner-center/throttle`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ limitPerMinute: 1_000_000 }),
  });
  if (!raised.ok) throw new Error(`could not raise the throttle limit: ${raised.status}`);
  for (let i = 0; i < 20; i++) await get('/v1/customers?size=500');

  const first = JSON.parse((await get('/v1/customers?size=500')).body) as {
    links: { next?: NextLink };
  };
  const baseline: number[] = [];
  const firstPage: number[] = [];
  const continuation: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    baseline.push((await get('/v1/profiles/organization')).ms);
    const page = await get('/v1/customers?size=500');
    if (page.status !== 200) throw new Error(`status ${page.status}`);
    firstPage.push(page.ms);
    bytes = page.body.length;
    if (first.links.next)
      continuation.push((await get(first.links.next.uri, headersOf(first.links.next))).ms);
  }

  const pagingStarted = performance.now();
  const ids = new Set<string>();
  let pages = 0;
  let next: { uri: string; headers: Record<string, string> } | undefined = {
    uri: '/v1/customers?size=500',
    headers: {},
  };
  while (next) {
    const page = JSON.parse((await get(next.uri, next.headers)).body) as {
      items: Array<{ id: string }>;
      links: { next?: NextLink };
    };
    page.items.forEach((c) => ids.add(c.id));
    pages++;
    next = page.links.next && { uri: page.links.next.uri, headers: headersOf(page.links.next) };
  }
  const pagingMs = performance.now() - pagingStarted;
  agent.destroy();

  console.log(`Partner Center emulator: ${t.label} (${REQUESTS} samples each)`);
  if (t.startupMs !== undefined)
    console.log(`  startup (seed + index)                 ${ms(t.startupMs)}`);
  console.log(
    `  GET /v1/profiles/organization (base)   median ${ms(median(baseline))}  p95 ${ms(p95(baseline))}`,
  );
  console.log(
    `  GET /v1/customers?size=500 (page 1)    median ${ms(median(firstPage))}  p95 ${ms(p95(firstPage))}  ${(bytes / 1024).toFixed(0)} KiB  ratio to base ${(median(firstPage) / median(baseline)).toFixed(1)}x`,
  );
  if (continuation.length)
    console.log(
      `  continuation page (seekOperation=Next) median ${ms(median(continuation))}  p95 ${ms(p95(continuation))}`,
    );
  console.log(
    `  page all: ${pages} pages, ${ids.size.toLocaleString('en-US')} distinct customers in ${ms(pagingMs)}`,
  );
}

async function main() {
  const target = values.manifest
    ? await running(values.manifest)
    : await inProcess(Number(values.customers));
  try {
    await measure(target);
  } finally {
    // A running emulator keeps the raised limit until its next reset; restore Partner Center's.
    await fetch(`${target.controlUrl}/partner-center/throttle`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ limitPerMinute: 500 }),
    }).catch(() => undefined);
    await target.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
