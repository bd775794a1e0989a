import { checkNow, disconnect } from './support/connection-actions';
import {
  connect,
  control,
  request,
  sessionCookie,
  tenants,
  userOf,
  type Probe,
} from './support/portal';
import { customersSeenBy, markersOf } from './support/tenant-data';

/**
 * Hole 2: once a connection is gone (an admin disconnected it) or dead (its grant was revoked in
 * Entra and "check now" recorded it), every customer data path refuses at once, the cache
 * notwithstanding: list, detail, export, progress, refresh, and the pages.
 */

const customerId = async () => (await customersSeenBy('staffA'))[0]!.id;
const dataPaths: Array<[string, () => Promise<Probe>]> = [
  ['GET /api/customers', async () => ({ path: '/api/customers?pageSize=100' })],
  ['GET /api/customers/:id', async () => ({ path: `/api/customers/${await customerId()}` })],
  ['GET /api/customers/export', async () => ({ path: '/api/customers/export' })],
  ['GET /api/customers/progress', async () => ({ path: '/api/customers/progress' })],
  ['POST /api/customers/refresh', async () => ({ method: 'POST', path: '/api/customers/refresh' })],
  ['GET /dashboard', async () => ({ path: '/dashboard?pageSize=100' })],
  [
    'GET /dashboard/customers/:id',
    async () => ({ path: `/dashboard/customers/${await customerId()}` }),
  ],
];

/** Every data path, as partner A's staff: none may answer with A's customers. */
async function expectEveryPathRefuses(): Promise<void> {
  // A's customers only: the tenant's own id and name may appear (a "not connected" page names it).
  const own = [tenants().partnerA.id, tenants().partnerA.name].map((m) => m.toLowerCase());
  const markers = (await markersOf('partnerA'))
    .map((m) => m.toLowerCase())
    .filter((m) => !own.includes(m));
  const id = (await customerId()).toLowerCase();
  const served: string[] = [];
  for (const [label, make] of dataPaths) {
    const probe = await make();
    const a = await request({ ...probe, as: 'staffA' });
    expect(a.status).toBeLessThan(500);
    // The detail URLs name the id themselves; what matters is the data.
    const body = a.text.toLowerCase().split(id).join(' ');
    const leaked = markers.filter((m) => m !== id && body.includes(m));
    if (label.startsWith('GET /api/') && a.status === 200) served.push(`${label}: 200`);
    if (leaked.length > 0) served.push(`${label}: ${leaked.length} of A's names or ids`);
  }
  expect(served).toEqual([]);
}

describe('after a connection is disconnected or its grant revoked', () => {
  beforeEach(async () => {
    await connect('partnerA');
    await sessionCookie('staffA');
    await sessionCookie('adminA');
    // Staff have the full list in the portal's cache, as in the review's reproduction.
    const a = await request({ path: '/api/customers/export', as: 'staffA' });
    expect(a.status).toBe(200);
  });
  afterAll(async () => {
    await connect('partnerA'); // the next file finds partner A connected again
  });

  test('the data paths serve the list while connected (so the refusals below mean something)', async () => {
    for (const [label, make] of dataPaths.filter(([l]) => l.startsWith('GET /api/'))) {
      const a = await request({ ...(await make()), as: 'staffA' });
      expect(`${label}: ${a.status}`).toBe(`${label}: 200`);
    }
  });

  test('an admin disconnects: every customer data path refuses at once', async () => {
    const d = await disconnect('adminA', 'partnerA');
    expect(d.status).toBe(200);
    await expectEveryPathRefuses();
  });

  test('the customer and access pages (lists and details) send the tenant’s staff and admin to "not connected" (the admin with the connect link), an operator to the connections table', async () => {
    const id = await customerId();
    // The customer list answers a cold instance behind a skeleton (Suspense): a refusal must
    // still be a redirect response, not one streamed inside the page.
    const pages = [
      '/dashboard?q=a',
      `/dashboard/customers/${id}`,
      '/dashboard/access?filter=expiring',
      `/dashboard/access/${id}`,
    ];
    const target = async (path: string, as: 'staffA' | 'adminA' | 'operator') => {
      const a = await request({ path, as });
      expect(a.status).toBe(307);
      const to = new URL(a.location!, 'http://x');
      return `${to.pathname}${to.search}`;
    };
    // The operator's home tenant has no connection (nor customers) of its own.
    for (const path of pages) expect(await target(path, 'operator')).toBe('/connections');
    // While connected, A's people are served, not redirected (the row may not be synced yet).
    for (const path of pages)
      expect([200, 404]).toContain((await request({ path, as: 'adminA' })).status);

    expect((await disconnect('adminA', 'partnerA')).status).toBe(200);
    const a = tenants().partnerA.id.toLowerCase();
    for (const path of pages) {
      expect(await target(path, 'staffA')).toBe(
        `/not-connected?reason=tenant_not_connected&tenant=${a}`,
      );
      expect(await target(path, 'adminA')).toBe(
        `/not-connected?reason=tenant_not_connected&tenant=${a}&admin=1`,
      );
      expect(await target(path, 'operator')).toBe('/connections');
    }
  });

  test('the grant is revoked in Entra and "check now" records it: every data path refuses at once', async () => {
    await control().revokeUser(userOf('adminA').upn);
    const c = await checkNow('adminA', 'partnerA');
    expect(c.status).toBeLessThan(500);
    expect(JSON.parse(c.text)).toMatchObject({ ok: false });
    await expectEveryPathRefuses();
  });
});
