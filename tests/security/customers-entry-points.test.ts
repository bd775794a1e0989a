import { enc as q, hostileTable } from './support/hostile-table';
import { HOSTILE_IDS, HOSTILE_NUMBERS, HOSTILE_TEXT } from './support/hostile-values';
import { customersSeenBy } from './support/tenant-data';
import { tenants } from './support/portal';

/**
 * The customer data paths, as partner A's staff: every list parameter, every id, and the pages
 * that take them. Out-of-range values fall back to defaults; unknown or foreign ids are a 404.
 */

const SCRIPT = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
const LIST_PARAMS = ['q', 'sort', 'dir', 'relationship', 'page', 'pageSize'];

/** Ids that exist but belong to someone else, resolved when the row runs. */
const FOREIGN = {
  "partner B's customer": async () => (await customersSeenBy('staffB'))[0]!.id,
  "partner B's customer, upper case": async () =>
    (await customersSeenBy('staffB'))[0]!.id.toUpperCase(),
  "partner B's tenant id": async () => tenants().partnerB.id,
  "partner A's own tenant id": async () => tenants().partnerA.id,
  "the home tenant's id": async () => tenants().home.id,
};
const foreignRows = Object.keys(FOREIGN).map((label) => ({ label, value: `@${label}` }));
const resolveId = async (v: string) =>
  v.startsWith('@') ? FOREIGN[v.slice(1) as keyof typeof FOREIGN]() : v;

/** Every list parameter set to the same hostile value (the page parses each one on its own). */
const allParams = (v: string) => LIST_PARAMS.map((p) => `${p}=${q(v)}`).join('&');

for (const param of LIST_PARAMS) {
  hostileTable(
    `GET /api/customers?${param}=`,
    param === 'page' || param === 'pageSize' ? [...HOSTILE_NUMBERS, ...HOSTILE_TEXT] : HOSTILE_TEXT,
    (v) => ({ path: `/api/customers?${param}=${q(v)}`, as: 'staffA' }),
    { status: 200, location: 'none' },
  );
}
hostileTable(
  `GET /dashboard?${LIST_PARAMS.join('=&')}=`,
  [...HOSTILE_NUMBERS, ...HOSTILE_TEXT],
  (v) => ({ path: `/dashboard?${allParams(v)}`, as: 'staffA' }),
  { status: 200, bodyExcludes: SCRIPT },
);

hostileTable(
  'GET /api/customers/:customerId',
  [...foreignRows, ...HOSTILE_IDS],
  async (v) => ({ path: `/api/customers/${q(await resolveId(v))}`, as: 'staffA' }),
  { status: [400, 404], code: /^[a-z_]+$/ },
);
hostileTable(
  'GET /dashboard/customers/:customerId',
  [...foreignRows, ...HOSTILE_IDS],
  async (v) => ({ path: `/dashboard/customers/${q(await resolveId(v))}`, as: 'staffA' }),
  { status: [400, 404], bodyExcludes: SCRIPT },
);

// Export and progress take no parameter: a query changes nothing about whose data they return.
hostileTable(
  'GET /api/customers/export?<junk>',
  HOSTILE_TEXT,
  (v) => ({ path: `/api/customers/export?tenant=${q(v)}&tid=${q(v)}&${q(v)}=1`, as: 'staffA' }),
  { status: [200, 429], location: 'none' },
);
hostileTable(
  'GET /api/customers/progress?<junk>',
  HOSTILE_TEXT,
  (v) => ({ path: `/api/customers/progress?tenant=${q(v)}&${q(v)}=1`, as: 'staffA' }),
  { status: 200, location: 'none' },
);

// POST /api/customers/refresh goes back to the same list view, which it builds from the query:
// whatever the query holds, the way back is the portal's own /dashboard.
// (429: the per-user rate limit on this costly endpoint is a safe answer too.)
hostileTable(
  `POST /api/customers/refresh?${LIST_PARAMS.join('=&')}=`,
  [...HOSTILE_NUMBERS, ...HOSTILE_TEXT],
  (v) => ({ method: 'POST', path: `/api/customers/refresh?${allParams(v)}`, as: 'staffA' }),
  { status: [303, 429], location: /^\/dashboard(\?[^#]*)?$/ },
);
hostileTable(
  'POST /api/customers/refresh (Origin:)',
  ['null', 'https://evil.example', 'http://localhost', ' '],
  (v) => ({
    method: 'POST',
    path: '/api/customers/refresh',
    as: 'staffA',
    sameOrigin: false,
    headers: { origin: v },
  }),
  { status: 303, location: /^\/dashboard$/, unchanged: true },
);

// Without a session every data path answers 401 (JSON) or sends to sign-in; never data.
hostileTable(
  'customer data paths, signed out',
  [
    '/api/customers',
    '/api/customers/export',
    '/api/customers/progress',
    '/api/customers/00000000-0000-0000-0000-000000000000',
  ],
  (path) => ({ path }),
  { status: 401 },
);
