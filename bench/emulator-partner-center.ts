/**
 * The Partner Center emulator's own speed, so it never dominates the portal's benchmarks:
 *
 *   npx tsx bench/emulator-partner-center.ts [--customers 50000] [--requests 200]
 *
 * Boots the Partner Center service in-process on a real HTTPS listener (the emulator's CA and
 * listener code, an App+User token signed by the emulator's keys) and reports:
 *   - startup: seeding and indexing `--customers` customers for partner A
 *   - GET /v1/customers?size=500: median and p95 round trip over keep-alive HTTPS, first pages
 *     and continuation pages, beside GET /v1/profiles/organization (a tiny body) as baseline
 *   - paging all of partner A's customers at size=500, parsing every page
 * The directory is a small map-backed stand-in: this measures Partner Center, not Entra.
 */
import { Agent, request } from 'node:https';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Clock } from '../emulator/core/clock';
import { FaultRegistry } from '../emulator/core/faults';
import { createListener } from '../emulator/core/listen';
import type { EmulatorContext } from '../emulator/core/service';
import { SigningKeys } from '../emulator/core/signing-keys';
import { RequestStats } from '../emulator/core/stats';
import { ensureTls } from '../emulator/core/tls';
import type { Tenant, TenantKind } from '../emulator/directory/types';
import { createPartnerCenterService } from '../emulator/partner-center';

const { values } = parseArgs({ options: { customers: { type: 'string', default: '50000' }, requests: { type: 'string', default: '200' } } });
const CUSTOMERS = Number(values.customers);
const REQUESTS = Number(values.requests);
const PARTNER_A = 'a2000000-0000-4000-8000-00000000000a';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function main() {
  const stateDir = mkdtempSync(join(tmpdir(), 'pc-bench-'));
  const tls = ensureTls(stateDir);
  const clock = new Clock();
  const ctx: EmulatorContext = {
    stateDir,
    urls: { entra: 'https://localhost:1', entraBrowser: 'http://localhost:2', keyVault: 'https://localhost:3', partnerCenter: '', control: '' },
    clock,
    keys: new SigningKeys(stateDir, clock),
    faults: new FaultRegistry(),
    stats: new RequestStats(),
    caPath: tls.caPath,
    customerScale: CUSTOMERS,
    portalUrl: 'http://localhost:3000',
  };
  const tenants: Tenant[] = [
    { id: PARTNER_A, name: 'Contoso Partners', domain: 'contosopartners.onmicrosoft.com', kind: 'partner', users: [] },
    { id: 'b2000000-0000-4000-8000-00000000000b', name: 'Fabrikam Cloud', domain: 'fabrikamcloud.onmicrosoft.com', kind: 'partner', users: [] },
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
  await control.register(async (scoped) => svc.registerControl!(scoped));
  const port = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port);
  const controlUrl = await control.listen({ port: 0, host: '127.0.0.1' });
  // The bench sends far more than 500 customer requests a minute.
  await fetch(`${controlUrl}/throttle`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ limitPerMinute: 1_000_000 }) });

  const now = clock.nowSeconds();
  const token = await ctx.keys.sign(
    { aud: 'https://api.partnercenter.microsoft.com', iss: `https://sts.windows.net/${PARTNER_A}/`, tid: PARTNER_A, oid: 'x', scp: 'user_impersonation', amr: ['pwd', 'mfa'], iat: now, nbf: now, exp: now + 7200, ver: '1.0' },
    { v1: true },
  );
  const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: readFileSync(tls.caPath) });
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string; ms: number }>((done, fail) => {
      const started = performance.now();
      const req = request({ host: 'localhost', port, path, agent, headers: { authorization: `Bearer ${token}`, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      });
      req.on('error', fail);
      req.end();
    });

  for (let i = 0; i < 20; i++) await get('/v1/customers?size=500');

  const baseline: number[] = [];
  const firstPage: number[] = [];
  const continuation: number[] = [];
  let bytes = 0;
  const first = JSON.parse((await get('/v1/customers?size=500')).body) as { links: { next?: { uri: string; headers: Array<{ key: string; value: string }> } } };
  const nextHeaders = Object.fromEntries(first.links.next!.headers.map((h) => [h.key, h.value]));
  for (let i = 0; i < REQUESTS; i++) {
    baseline.push((await get('/v1/profiles/organization')).ms);
    const page = await get('/v1/customers?size=500');
    if (page.status !== 200) throw new Error(`status ${page.status}`);
    firstPage.push(page.ms);
    bytes = page.body.length;
    continuation.push((await get(first.links.next!.uri, nextHeaders)).ms);
  }

  const pagingStarted = performance.now();
  const ids = new Set<string>();
  let pages = 0;
  let next: { uri: string; headers: Record<string, string> } | undefined = { uri: '/v1/customers?size=500', headers: {} };
  while (next) {
    const res = await get(next.uri, next.headers);
    const page = JSON.parse(res.body) as { items: Array<{ id: string }>; links: { next?: { uri: string; headers: Array<{ key: string; value: string }> } } };
    page.items.forEach((c) => ids.add(c.id));
    pages++;
    next = page.links.next && { uri: page.links.next.uri, headers: Object.fromEntries(page.links.next.headers.map((h) => [h.key, h.value])) };
  }
  const pagingMs = performance.now() - pagingStarted;

  console.log(`Partner Center emulator, partner A with ${CUSTOMERS.toLocaleString('en-US')} customers (${REQUESTS} samples each)`);
  console.log(`  startup (seed + index)                 ${ms(startupMs)}`);
  console.log(`  GET /v1/profiles/organization (base)   median ${ms(median(baseline))}  p95 ${ms(p95(baseline))}`);
  console.log(`  GET /v1/customers?size=500 (page 1)    median ${ms(median(firstPage))}  p95 ${ms(p95(firstPage))}  ${(bytes / 1024).toFixed(0)} KiB  ratio to base ${(median(firstPage) / median(baseline)).toFixed(1)}x`);
  console.log(`  continuation page (seekOperation=Next) median ${ms(median(continuation))}  p95 ${ms(p95(continuation))}`);
  console.log(`  page all: ${pages} pages, ${ids.size.toLocaleString('en-US')} distinct customers in ${ms(pagingMs)}`);

  agent.destroy();
  await app.close();
  await control.close();
  rmSync(stateDir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
