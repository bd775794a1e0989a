import { hostileTable } from './support/hostile-table';
import { request, tenants, type Probe, type Who } from './support/portal';
import { customersSeenBy, markersOf } from './support/tenant-data';

/**
 * Tenant isolation: every data path answers a partner's staff and admin from their own tenant
 * only. Each probe aims at the other partner's data (its customer ids and names, its tenant id)
 * and the whole body is scanned for any of that partner's customer ids, domains or names.
 */

type Partner = 'partnerA' | 'partnerB';
const other = (p: Partner): Partner => (p === 'partnerA' ? 'partnerB' : 'partnerA');
const staffOf = (p: Partner): 'staffA' | 'staffB' => (p === 'partnerA' ? 'staffA' : 'staffB');

/**
 * Data paths, aimed at `victim`'s data. `echo` lists what the probe itself sends of the victim's
 * (a name in a search box, an id in the URL): a page may show the user's own input back, which
 * leaks nothing, so the scan ignores exactly those strings.
 */
interface Aimed {
  probe: Probe;
  echo: string[];
}
function probes(victim: Partner): Array<{ label: string; value: () => Promise<Aimed> }> {
  const victimCustomer = async () => (await customersSeenBy(staffOf(victim)))[0]!;
  const victimTenant = () => tenants()[victim].id;
  const get = (path: string) => async (): Promise<Aimed> => ({ probe: { path }, echo: [] });
  return [
    { label: 'GET /api/customers', value: get('/api/customers?pageSize=100') },
    {
      label: "GET /api/customers?q=<victim's customer name>",
      value: async () => {
        const name = (await victimCustomer()).companyName;
        return { probe: { path: `/api/customers?q=${encodeURIComponent(name)}` }, echo: [name] };
      },
    },
    {
      label: "GET /api/customers/<victim's customer id>",
      value: async () => {
        const id = (await victimCustomer()).id;
        return { probe: { path: `/api/customers/${id}` }, echo: [id] };
      },
    },
    { label: 'GET /api/customers/export', value: get('/api/customers/export') },
    { label: 'GET /api/customers/progress', value: get('/api/customers/progress') },
    {
      label: 'POST /api/customers/refresh',
      value: async () => ({ probe: { method: 'POST', path: '/api/customers/refresh' }, echo: [] }),
    },
    { label: 'GET /dashboard', value: get('/dashboard?pageSize=100') },
    {
      label: "GET /dashboard?q=<victim's customer name>",
      value: async () => {
        const name = (await victimCustomer()).companyName;
        return { probe: { path: `/dashboard?q=${encodeURIComponent(name)}` }, echo: [name] };
      },
    },
    {
      label: "GET /dashboard/customers/<victim's customer id>",
      value: async () => {
        const id = (await victimCustomer()).id;
        return { probe: { path: `/dashboard/customers/${id}` }, echo: [id] };
      },
    },
    { label: 'GET /api/connections', value: get('/api/connections') },
    {
      label: "GET /api/connections/<victim's tenant id>",
      value: async () => ({
        probe: { path: `/api/connections/${victimTenant()}` },
        echo: [victimTenant()],
      }),
    },
    {
      label: "POST /api/connections/<victim's tenant id>/check",
      value: async () => ({
        probe: {
          method: 'POST',
          path: `/api/connections/${victimTenant()}/check`,
          headers: { accept: 'application/json' },
          body: new URLSearchParams({ csrfToken: 'x' }),
        },
        echo: [victimTenant()],
      }),
    },
    {
      label: "GET /connections/<victim's tenant id>/disconnect",
      value: async () => ({
        probe: { path: `/connections/${victimTenant()}/disconnect` },
        echo: [victimTenant()],
      }),
    },
    { label: 'GET /connections', value: get('/connections') },
    { label: 'GET /api/health', value: get('/api/health') },
    // The access view (GDAP and app consent per customer): rows, detail, export, progress, check.
    { label: 'GET /api/access', value: get('/api/access?size=100') },
    {
      label: "GET /api/access?q=<victim's customer name>",
      value: async () => {
        const name = (await victimCustomer()).companyName;
        return { probe: { path: `/api/access?q=${encodeURIComponent(name)}` }, echo: [name] };
      },
    },
    {
      label: "GET /api/access/<victim's customer id>",
      value: async () => {
        const id = (await victimCustomer()).id;
        return { probe: { path: `/api/access/${id}` }, echo: [id] };
      },
    },
    {
      label: "GET /dashboard/access/<victim's customer id>",
      value: async () => {
        const id = (await victimCustomer()).id;
        return { probe: { path: `/dashboard/access/${id}` }, echo: [id] };
      },
    },
    {
      label: "POST /api/access/<victim's customer id>/check",
      value: async () => {
        const id = (await victimCustomer()).id;
        return {
          probe: {
            method: 'POST',
            path: `/api/access/${id}/check`,
            headers: { accept: 'application/json' },
            body: new URLSearchParams({ csrfToken: 'x' }),
          },
          echo: [id],
        };
      },
    },
    { label: 'GET /dashboard/access', value: get('/dashboard/access?size=100') },
    { label: 'GET /api/access/export', value: get('/api/access/export') },
    { label: 'GET /api/access/progress', value: get('/api/access/progress') },
    // The activity log: the victim's rows name its tenant id, which the scan looks for.
    { label: 'GET /api/activity', value: get('/api/activity') },
    { label: 'GET /activity', value: get('/activity') },
    { label: 'GET /api/activity/export', value: get('/api/activity/export') },
    {
      label: "GET /api/activity?tenant=<victim's tenant id>",
      value: async () => ({
        probe: { path: `/api/activity?tenant=${victimTenant()}` },
        echo: [victimTenant()],
      }),
    },
    {
      label: "POST /api/connections/<victim's tenant id>/webhook/test",
      value: async () => ({
        probe: {
          method: 'POST',
          path: `/api/connections/${victimTenant()}/webhook/test`,
          headers: { accept: 'application/json' },
          body: new URLSearchParams({ csrfToken: 'x' }),
        },
        echo: [victimTenant()],
      }),
    },
  ];
}

const markers = new Map<Partner, Promise<string[]>>();
const markersFor = (p: Partner) => {
  if (!markers.has(p)) markers.set(p, markersOf(p));
  return markers.get(p)!;
};

for (const attacker of ['partnerA', 'partnerB'] as const) {
  const victim = other(attacker);
  for (const role of ['staff', 'admin'] as const) {
    const who = `${role}${attacker.slice(-1)}` as Who;
    hostileTable(
      `${role} of ${attacker} reaching for ${victim}'s data`,
      probes(victim),
      async (make) => {
        await markersFor(victim); // both lists are loaded before the probe
        return { ...(await make()).probe, as: who };
      },
      {
        also: (a) => {
          expect(a.status).toBeLessThan(500);
        },
      },
    );
  }
}

// The scan itself, kept apart so a failure names the leaked value.
describe('no response to another partner carries its data', () => {
  for (const attacker of ['partnerA', 'partnerB'] as const) {
    const victim = other(attacker);
    for (const role of ['staff', 'admin'] as const) {
      const who = `${role}${attacker.slice(-1)}` as Who;
      test(`${role} of ${attacker}: none of ${victim}'s customer ids, domains or names`, async () => {
        const leaks: string[] = [];
        const needles = (await markersFor(victim)).map((m) => m.toLowerCase());
        expect(needles.length).toBeGreaterThan(100);
        for (const p of probes(victim)) {
          const aimed = await p.value();
          const a = await request({ ...aimed.probe, as: who });
          let body = a.text.toLowerCase();
          for (const e of aimed.echo) body = body.split(e.toLowerCase()).join(' ');
          for (const n of needles) if (body.includes(n)) leaks.push(`${p.label}: ${n}`);
        }
        expect(leaks).toEqual([]);
      });
    }
  }
});

// The scan can fail: a partner's own export carries its own markers.
test("the scan finds a partner's own data in its own export (control)", async () => {
  const mine = (await markersFor('partnerA')).map((m) => m.toLowerCase());
  const a = await request({ path: '/api/customers/export', as: 'staffA' });
  const body = a.text.toLowerCase();
  expect(mine.filter((m) => body.includes(m)).length).toBeGreaterThan(mine.length / 2);
});
