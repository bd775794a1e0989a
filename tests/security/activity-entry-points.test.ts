import { enc as q, hostileTable } from './support/hostile-table';
import { HOSTILE_IDS, HOSTILE_NUMBERS, HOSTILE_TEXT } from './support/hostile-values';
import { ensureConnected, tenants, userOf } from './support/portal';

/**
 * The activity log's entry points: the page's parameters (`tenant`, `kind`, `result`, `page`),
 * `/api/activity` (JSON) and `/api/activity/export` (CSV). Any value falls back to a safe view,
 * is never echoed as markup, never widens what the caller sees (partner A's admin never gets a
 * row of B, whatever `tenant` says; the operator never a customer-naming row; staff nothing) and
 * changes nothing stored.
 */
const RAW_MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
const PARAMS = ['tenant', 'kind', 'result'] as const;

// Both partners connected first, so each has rows (its connect) that the other must never see.
beforeAll(async () => {
  await ensureConnected('partnerA');
  await ensureConnected('partnerB');
});
const notOfB = () => [...RAW_MARKUP, userOf('adminB').upn, userOf('adminB').upn.toLowerCase()];
const CROSS_TENANT = [...HOSTILE_IDS, { label: "partner B's id", value: '' }];
const tenantValue = (v: string) => v || tenants().partnerB.id;

for (const param of PARAMS) {
  hostileTable(
    `GET /activity?${param}= (operator)`,
    HOSTILE_TEXT,
    (v) => ({ path: `/activity?${param}=${q(v)}`, as: 'operator' }),
    { status: 200, location: 'none', unchanged: true, bodyExcludes: RAW_MARKUP },
  );
}

hostileTable(
  'GET /activity?page= (operator)',
  HOSTILE_NUMBERS,
  (v) => ({ path: `/activity?page=${q(v)}&result=success`, as: 'operator' }),
  { status: 200, location: 'none', unchanged: true },
);

hostileTable(
  'GET /activity?tenant= (partner A admin: never a row of B)',
  CROSS_TENANT,
  (v) => ({ path: `/activity?tenant=${q(tenantValue(v))}&kind=connect`, as: 'adminA' }),
  () => ({ status: 200, location: 'none', unchanged: true, bodyExcludes: notOfB() }),
);

hostileTable(
  'GET /activity?kind=&result=&page= (staff: forbidden, in the shell)',
  HOSTILE_TEXT,
  (v) => ({ path: `/activity?kind=${q(v)}&result=${q(v)}&page=${q(v)}`, as: 'staffA' }),
  () => ({
    status: 200,
    location: 'none',
    unchanged: true,
    bodyExcludes: notOfB(),
    also: (a) => {
      expect(a.text).toContain('forbidden_not_admin');
      expect(a.text).not.toContain('data-testid="activity-row"');
    },
  }),
);

hostileTable(
  'GET /activity (signed out: to sign-in, coming back)',
  HOSTILE_TEXT.slice(0, 8),
  (v) => ({ path: `/activity?kind=${q(v)}`, as: 'anonymous' }),
  { status: [303, 307, 308], location: /^\/signin\?callbackUrl=%2Factivity/, unchanged: true },
);

for (const param of [...PARAMS, 'page'] as const) {
  hostileTable(
    `GET /api/activity?${param}= (operator: no customer-naming row)`,
    [...HOSTILE_TEXT, ...HOSTILE_NUMBERS],
    (v) => ({ path: `/api/activity?${param}=${q(v)}`, as: 'operator' }),
    {
      status: 200,
      unchanged: true,
      also: (a) => {
        const page = JSON.parse(a.text) as { rows: Array<{ audience: string }> };
        expect(page.rows.every((r) => r.audience === 'partner')).toBe(true);
      },
    },
  );
}

hostileTable(
  'GET /api/activity?tenant= (partner A admin: only A)',
  CROSS_TENANT,
  (v) => ({ path: `/api/activity?tenant=${q(tenantValue(v))}`, as: 'adminA' }),
  () => ({
    status: 200,
    unchanged: true,
    bodyExcludes: notOfB(),
    also: (a) => {
      const page = JSON.parse(a.text) as { rows: Array<{ partnerTenantId: string }> };
      expect(page.rows.every((r) => r.partnerTenantId === tenants().partnerA.id)).toBe(true);
    },
  }),
);

hostileTable(
  'GET /api/activity (staff: 403)',
  HOSTILE_TEXT.slice(0, 8),
  (v) => ({ path: `/api/activity?tenant=${q(v)}`, as: 'staffB' }),
  { status: 403, code: 'forbidden_not_admin', unchanged: true, bodyExcludes: notOfB() },
);

hostileTable(
  'GET /api/activity (signed out: 401)',
  HOSTILE_TEXT.slice(0, 8),
  (v) => ({ path: `/api/activity?kind=${q(v)}`, as: 'anonymous' }),
  { status: 401, code: 'unauthenticated', unchanged: true },
);

hostileTable(
  'GET /api/activity/export?tenant= (partner B admin: a CSV of B only)',
  [...HOSTILE_IDS.slice(0, 6), { label: "partner A's id", value: '' }],
  (v) => ({
    path: `/api/activity/export?tenant=${q(v || tenants().partnerA.id)}`,
    as: 'adminB',
  }),
  () => ({
    // 429: the export rate limit (per user) may be reached within the table; it is safe too.
    status: [200, 429],
    unchanged: true,
    bodyExcludes: [userOf('adminA').upn.toLowerCase(), ...RAW_MARKUP],
    also: (a) => {
      if (a.status !== 200) return;
      expect(a.headers.get('content-type')).toMatch(/^text\/csv/);
      for (const line of a.text.split('\r\n').slice(1).filter(Boolean))
        expect(line).toContain(tenants().partnerB.id);
    },
  }),
);
