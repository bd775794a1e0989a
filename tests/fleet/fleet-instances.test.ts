/**
 * Three production portal processes behind one round-robin address (no sticky sessions), on one
 * PostgreSQL database and one local Microsoft cloud: the guarantees of one process must hold for
 * the fleet. Runs after `npm run build` (npm test's fleet stage).
 */
import { signInStaff } from '../support/portal-http-session';
import { CookieJar, driveSignIn } from '../integration/entra-sign-in-driver';
import { seededTenants, seededUser } from '../support/manifest';
import { startFleet, type Fleet } from '../support/fleet';
import { tallyCloudCalls } from '../support/cloud-calls';

let fleet: Fleet;
let staff: string;
let admin: string;
let tenantId: string;

beforeAll(async () => {
  fleet = await startFleet({ instances: 3 });
  const { partnerA } = seededTenants(fleet.cloud.manifest);
  tenantId = partnerA.id;
  await connectVia(fleet, [0, 1]);
  staff = await signInStaff(fleet.url, seededUser(partnerA, 'staff'));
  admin = await signInStaff(fleet.url, seededUser(partnerA, 'admin'));
}, 180_000);

afterAll(async () => {
  await fleet?.stop();
});

/** One browser's connect flow: start on instance `start`, Entra's redirect back on `callback`. */
async function connectVia(f: Fleet, [start, callback]: [number, number]) {
  const { partnerA } = seededTenants(f.cloud.manifest);
  const jar = new CookieJar();
  const begin = await fetch(`${f.url}/api/connect/start`, {
    redirect: 'manual',
    headers: f.on(start),
  });
  jar.take(begin);
  const signIn = await driveSignIn(begin.headers.get('location')!, seededUser(partnerA, 'admin'), {
    consent: 'accept-for-organization',
  });
  const callbackUrl = signIn.redirect!.toString();
  const cookie = jar.header();
  const done = await fetch(callbackUrl, {
    redirect: 'manual',
    headers: { cookie, ...f.on(callback) },
  });
  return { done, callbackUrl, cookie };
}

async function get(path: string, instance: number, cookie = staff) {
  const res = await fetch(`${fleet.url}${path}`, {
    redirect: 'manual',
    headers: { cookie, ...fleet.on(instance) },
  });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

async function firstCustomerId(instance: number): Promise<string> {
  const res = await get('/api/customers?pageSize=25', instance);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { items: Array<{ id: string }> }).items[0]!.id;
}

describe('a fleet of three instances', () => {
  it('concurrent cold requests over every instance cost one Key Vault read and one redemption', async () => {
    // A reconnect drops every cached token of the tenant, on every instance.
    await connectVia(fleet, [2, 0]);
    await fleet.control.resetStats();
    const statuses = await Promise.all(
      Array.from({ length: 60 }, () =>
        fetch(`${fleet.url}/dashboard`, { headers: { cookie: staff }, redirect: 'manual' }).then(
          async (r) => (await r.text(), r.status),
        ),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    const cost = tallyCloudCalls(await fleet.control.stats());
    expect(cost.keyVaultReads).toBe(1);
    expect(cost.redemptions).toBe(1);
    // Every instance served some of them.
    expect(fleet.proxy.counts.every((n) => n > 0)).toBe(true);
  });

  it('a connect state replayed on another instance is refused with state_replayed', async () => {
    const first = await connectVia(fleet, [0, 1]);
    expect(first.done.headers.get('location')).toContain('/connect/success');
    const replay = await fetch(first.callbackUrl, {
      redirect: 'manual',
      headers: { cookie: first.cookie, ...fleet.on(2) },
    });
    expect(replay.headers.get('location')).toContain('code=state_replayed');
  });

  it('a round-robin journey works with every request on the next instance', async () => {
    const before = [...fleet.proxy.counts];
    const dashboard = await fetch(`${fleet.url}/dashboard`, { headers: { cookie: staff } });
    expect(dashboard.status).toBe(200);
    const list = await fetch(`${fleet.url}/api/customers?q=&pageSize=25`, {
      headers: { cookie: staff },
    });
    const id = ((await list.json()) as { items: Array<{ id: string }> }).items[0]!.id;
    const detail = await fetch(`${fleet.url}/dashboard/customers/${id}`, {
      headers: { cookie: staff },
    });
    expect(detail.status).toBe(200);
    expect(await detail.text()).toContain(id);
    const csv = await fetch(`${fleet.url}/api/customers/export`, { headers: { cookie: staff } });
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\r\n').length).toBeGreaterThan(100);
    const served = fleet.proxy.counts.map((n, i) => n - before[i]!);
    expect(served.filter((n) => n > 0)).toHaveLength(3);
  });

  it('a disconnect on instance 1 is refused at once on instance 2 on every customer data path', async () => {
    const id = await firstCustomerId(1);
    // Instance 2 holds the tenant's token and list in memory.
    for (const path of ['/dashboard', `/api/customers/${id}`, '/api/customers/export'])
      expect((await get(path, 1)).status).toBe(200);

    const page = await get(`/connections/${tenantId}/disconnect`, 0, admin);
    const csrfToken = /name="csrfToken"[^>]*value="([^"]+)"/.exec(page.body)?.[1];
    expect(csrfToken).toBeDefined();
    const done = await fetch(`${fleet.url}/api/connections/${tenantId}/disconnect`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: admin,
        origin: fleet.url,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...fleet.on(0),
      },
      body: new URLSearchParams({ csrfToken: csrfToken!, confirm: 'yes' }),
    });
    expect(done.status).toBeLessThan(400);

    await fleet.control.resetStats();
    const refused = {
      list: await get('/api/customers', 1),
      detail: await get(`/api/customers/${id}`, 1),
      export: await get('/api/customers/export', 1),
      progress: await get('/api/customers/progress', 1),
    };
    for (const [path, res] of Object.entries(refused))
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    // Refresh answers with a redirect whatever happens; it must not reach Partner Center either.
    const refresh = await fetch(`${fleet.url}/api/customers/refresh`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: staff, origin: fleet.url, ...fleet.on(1) },
    });
    expect(refresh.status).toBe(303);
    const dashboard = await get('/dashboard', 1);
    expect(dashboard.body).not.toContain(id);
    const detailPage = await get(`/dashboard/customers/${id}`, 1);
    expect(detailPage.body).not.toContain('Subscriptions');
    // Refused from the shared state alone: nothing was asked of Partner Center.
    expect(tallyCloudCalls(await fleet.control.stats()).partnerCenterCustomerCalls).toBe(0);

    await connectVia(fleet, [1, 2]);
    expect((await get('/api/customers', 1)).status).toBe(200);
  });

  it('a 429 from Partner Center on one instance holds back the others', async () => {
    const id = await firstCustomerId(0);
    await fleet.control.addFault({
      service: 'partner-center',
      route: '^GET /v1/customers/[0-9a-f-]+$',
      kind: 'status',
      status: 429,
      retryAfter: 120,
      count: 1,
    });
    const throttled = await get(`/api/customers/${id}`, 0);
    expect(throttled.status).toBeGreaterThanOrEqual(429);
    await fleet.control.clearFaults();
    await fleet.control.resetStats();
    // Instance 2 does not even try: the shared budget says the tenant is throttled.
    const held = await get(`/api/customers/${id}`, 1);
    expect(held.status).toBe(503);
    expect(JSON.parse(held.body)).toMatchObject({ error: { code: 'partner_center_throttled' } });
    expect(tallyCloudCalls(await fleet.control.stats()).partnerCenterCustomerCalls).toBe(0);
    await fleet.sql.query('DELETE FROM fleet_budgets');
    expect((await get(`/api/customers/${id}`, 1)).status).toBe(200);
  });

  it('an instance with another token key drops the shared tokens and redeems afresh', async () => {
    const other = await fleet.addInstance({
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      TOKEN_ENCRYPTION_KEY_ID: 'rotated-key',
    });
    await fleet.control.resetStats();
    const res = await fetch(`${other.url}/api/customers`, { headers: { cookie: staff } });
    expect(res.status).toBe(200);
    expect(tallyCloudCalls(await fleet.control.stats()).redemptions).toBe(1);
    const { rows } = await fleet.sql.query<{ key_id: string }>(
      'SELECT DISTINCT key_id FROM fleet_access_tokens',
    );
    expect(rows.map((r) => r.key_id)).toEqual(['rotated-key']);
  });
});

describe('the database unreachable for 10 seconds', () => {
  it('degrades without a 500, refuses what must not run unguarded, and recovers by itself', async () => {
    const id = await firstCustomerId(0);
    for (const n of [0, 1, 2]) expect((await get('/dashboard', n)).status).toBe(200);
    await fleet.control.resetStats();
    // The connection's activity rows (connect, replace, recover, disconnect) before the outage.
    const connectionRows = async () =>
      (
        await fleet.sql.query<{ kind: string; result: string }>(
          `SELECT kind, result FROM activity_log
           WHERE partner_tenant_id = $1 AND kind IN ('connect', 'replace', 'recover', 'disconnect')
           ORDER BY id`,
          [tenantId],
        )
      ).rows;
    const rowsBefore = await connectionRows();

    await fleet.databaseLink.stop();
    const cutAt = Date.now();
    const seen: Array<{ what: string; status: number }> = [];
    for (const n of [0, 1, 2]) {
      const dashboard = await get('/dashboard', n);
      seen.push({ what: `dashboard ${n}`, status: dashboard.status });
      expect(dashboard.body).toContain('data-testid="degraded-banner"');
      expect(dashboard.body).toContain(id);
      seen.push({ what: `list ${n}`, status: (await get('/api/customers', n)).status });
      seen.push({ what: `live ${n}`, status: (await get('/api/health/live', n)).status });
      seen.push({ what: `ready ${n}`, status: (await get('/api/health/ready', n)).status });
    }
    // Connect fails closed: the state cannot be consumed, so nothing is stored.
    const attempt = await connectVia(fleet, [0, 1]);
    expect(attempt.done.headers.get('location')).toContain('code=state_store_unavailable');
    // A disconnect is refused: the other instances could not hear of it.
    const page = await get(`/connections/${tenantId}/disconnect`, 2, admin);
    const csrfToken = /name="csrfToken"[^>]*value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const refused = await fetch(`${fleet.url}/api/connections/${tenantId}/disconnect`, {
      method: 'POST',
      headers: {
        cookie: admin,
        origin: fleet.url,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...fleet.on(2),
      },
      body: new URLSearchParams({ csrfToken, confirm: 'yes' }),
    });
    seen.push({ what: 'disconnect', status: refused.status });
    await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - cutAt))));
    await fleet.databaseLink.start();

    expect(seen.filter((s) => s.status >= 500 && s.status !== 503)).toEqual([]);
    expect(
      seen
        .filter(
          (s) =>
            s.what.startsWith('dashboard') ||
            s.what.startsWith('list') ||
            s.what.startsWith('live'),
        )
        .every((s) => s.status === 200),
    ).toBe(true);
    expect(seen.filter((s) => s.what.startsWith('ready')).every((s) => s.status === 503)).toBe(
      true,
    );
    expect(seen.find((s) => s.what === 'disconnect')!.status).toBe(503);

    // Recovered by itself: the banner is gone, the connection is intact.
    for (const n of [0, 1, 2]) {
      const after = await get('/dashboard', n);
      expect(after.status).toBe(200);
      expect(after.body).not.toContain('data-testid="degraded-banner"');
      expect((await get('/api/health/ready', n)).status).toBe(200);
    }
    // Nothing was written to Key Vault and nothing redeemed while cut off: the refused connect
    // and disconnect changed nothing, and the pages were served from memory.
    const counts = await fleet.control.stats();
    const vaultWrites = Object.entries(counts)
      .filter(([k]) => /^keyvault (PUT|PATCH|DELETE) /.test(k))
      .reduce((n, [, v]) => n + v, 0);
    expect(vaultWrites).toBe(0);
    expect(tallyCloudCalls(counts).redemptions).toBe(0);
    const { rows } = await fleet.sql.query<{ status: string }>(
      'SELECT status FROM fleet_tenant_state WHERE partner_tenant_id = $1',
      [tenantId],
    );
    expect(rows[0]?.status).toBe('connected');
    // The refused connect and disconnect left no activity row (nothing happened; the connect's
    // failure could not be written while the log was unreachable, and recording never blocks).
    expect(await connectionRows()).toEqual(rowsBefore);
    // And a connect now works again, on any instance: exactly one row more, the replacement.
    const again = await connectVia(fleet, [2, 0]);
    expect(again.done.headers.get('location')).toContain('/connect/success');
    expect(await connectionRows()).toEqual([...rowsBefore, { kind: 'replace', result: 'success' }]);
  });
});
