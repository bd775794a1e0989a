import { enc as q, hostileTable } from './support/hostile-table';
import { HOSTILE_NUMBERS, HOSTILE_TEXT } from './support/hostile-values';
import { tenants } from './support/portal';

/**
 * The connections page's list parameters (`q`, `sort`, `dir`, `status`, `page`): any value falls
 * back to a safe default view, is never echoed as markup, never widens what the user sees and
 * changes nothing stored.
 */
const RAW_MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
const PARAMS = ['q', 'sort', 'dir', 'status'] as const;

for (const param of PARAMS) {
  hostileTable(
    `GET /connections?${param}= (operator)`,
    HOSTILE_TEXT,
    (v) => ({ path: `/connections?${param}=${q(v)}`, as: 'operator' }),
    { status: 200, location: 'none', unchanged: true, bodyExcludes: RAW_MARKUP },
  );
}

hostileTable(
  'GET /connections?page= (operator)',
  HOSTILE_NUMBERS,
  (v) => ({ path: `/connections?page=${q(v)}&sort=days&dir=desc`, as: 'operator' }),
  { status: 200, location: 'none', unchanged: true },
);

// A partner admin's page is their own connection whatever the list parameters say.
hostileTable(
  'GET /connections?q=&status=&sort= (partner admin)',
  HOSTILE_TEXT,
  (v) => ({
    path: `/connections?q=${q(v)}&status=${q(v)}&sort=${q(v)}&tenant=${q(v)}`,
    as: 'adminA',
  }),
  () => ({
    status: 200,
    location: 'none',
    unchanged: true,
    bodyExcludes: [...RAW_MARKUP, tenants().partnerB.id, tenants().partnerB.name],
  }),
);

// Staff get the forbidden page in the shell, and nothing of any connection.
hostileTable(
  'GET /connections?q=&status= (staff)',
  HOSTILE_TEXT,
  (v) => ({ path: `/connections?q=${q(v)}&status=${q(v)}`, as: 'staffA' }),
  () => ({
    status: 200,
    location: 'none',
    unchanged: true,
    bodyExcludes: [...RAW_MARKUP, tenants().partnerB.id],
    also: (a) => expect(a.text).toContain('forbidden_not_admin'),
  }),
);
