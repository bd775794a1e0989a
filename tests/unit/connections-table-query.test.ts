import { toTenantId } from '@/lib/ids/tenant-id';
import type { ConnectionHealth, HealthStatus } from '@/lib/connections/connection-health';
import {
  CONNECTIONS_PAGE_SIZE,
  DEFAULT_CONNECTION_QUERY,
  connectionQueryString,
  parseConnectionQuery,
} from '@/lib/connections/connection-query';
import { queryConnections, statusGroupOf } from '@/lib/connections/query-connections';

function health(i: number, status: HealthStatus, extra: Partial<ConnectionHealth> = {}) {
  const tenantId = toTenantId(`0000${String(i).padStart(4, '0')}-0000-4000-8000-000000000000`);
  return {
    tenantId,
    orgName: `Org ${String.fromCharCode(65 + (i % 26))}${i}`,
    status,
    mfa: 'confirmed',
    connectedBy: { oid: 'o', upn: 'u' },
    inactivityDeadline: '2026-12-01T00:00:00.000Z',
    daysLeft: 90 - i,
    lastError: null,
    advice: null,
    permissionNeeded: null,
    ...extra,
  } satisfies ConnectionHealth;
}

describe('parseConnectionQuery', () => {
  test('valid values are kept, and the query string round-trips', () => {
    const q = parseConnectionQuery(
      new URLSearchParams('q=contoso&status=expiring&sort=days&dir=desc&page=2'),
    );
    expect(q).toEqual({ q: 'contoso', status: 'expiring', sort: 'days', dir: 'desc', page: 2 });
    expect(parseConnectionQuery(new URLSearchParams(connectionQueryString(q).slice(1)))).toEqual(q);
  });

  test('defaults put what needs a person first and leave the URL bare', () => {
    expect(parseConnectionQuery({})).toEqual(DEFAULT_CONNECTION_QUERY);
    expect(connectionQueryString(DEFAULT_CONNECTION_QUERY)).toBe('');
  });

  test.each([
    ['sort', 'constructor'],
    ['sort', '__proto__'],
    ['sort', 'org;drop'],
    ['dir', 'sideways'],
    ['status', 'revoked'],
    ['status', '<script>'],
    ['page', '-1'],
    ['page', '1e9'],
    ['page', 'NaN'],
    ['page', '2.5'],
  ])('hostile %s=%s falls back to the default', (key, value) => {
    const q = parseConnectionQuery({ [key]: value });
    expect(q).toEqual(DEFAULT_CONNECTION_QUERY);
  });

  test('search drops control characters and angle brackets; too long is ignored; arrays take the first', () => {
    expect(parseConnectionQuery({ q: ' a\u0000b<script>c\n ' }).q).toBe('abscriptc');
    expect(parseConnectionQuery({ q: 'x'.repeat(101) }).q).toBe('');
    expect(parseConnectionQuery({ q: ['one', 'two'] }).q).toBe('one');
  });
});

describe('queryConnections', () => {
  const statuses: HealthStatus[] = [
    'healthy',
    'expiring',
    'expired',
    'revoked',
    'mfa_missing',
    'error',
  ];
  const all = Array.from({ length: 250 }, (_, i) => health(i, statuses[i % statuses.length]!));

  test('status groups: anything not healthy or expiring needs a person', () => {
    expect(statuses.map(statusGroupOf)).toEqual([
      'healthy',
      'expiring',
      'needs-person',
      'needs-person',
      'needs-person',
      'needs-person',
    ]);
  });

  test('counts per group, the filter, and one page of rows', () => {
    const page = queryConnections(all, { ...DEFAULT_CONNECTION_QUERY, status: 'needs-person' });
    expect(page.counts).toEqual({ all: 250, 'needs-person': 166, expiring: 42, healthy: 42 });
    expect(page.total).toBe(166);
    expect(page.rows).toHaveLength(CONNECTIONS_PAGE_SIZE);
    expect(page.pageCount).toBe(2);
    expect(page.rows.every((h) => statusGroupOf(h.status) === 'needs-person')).toBe(true);
  });

  test('default sort is worst first; ties by organization', () => {
    const { rows } = queryConnections(all, DEFAULT_CONNECTION_QUERY);
    expect(rows[0]!.status).toBe('revoked');
    const revoked = rows.filter((r) => r.status === 'revoked').map((r) => r.orgName!);
    expect(revoked).toEqual([...revoked].sort((a, b) => a.localeCompare(b, 'en')));
  });

  test('every column sorts both ways', () => {
    const by = (sort: (typeof DEFAULT_CONNECTION_QUERY)['sort'], dir: 'asc' | 'desc') =>
      queryConnections(all, { ...DEFAULT_CONNECTION_QUERY, sort, dir }).rows;
    expect(by('days', 'asc')[0]!.daysLeft).toBe(90 - 249);
    expect(by('days', 'desc')[0]!.daysLeft).toBe(90);
    expect(by('tenant', 'asc')[0]!.tenantId).toBe(all[0]!.tenantId);
    expect(by('tenant', 'desc')[0]!.tenantId).toBe(all[249]!.tenantId);
    for (const sort of ['org', 'status', 'mfa', 'rotated', 'error'] as const)
      expect(by(sort, 'asc').map((r) => r.tenantId)).not.toEqual([]);
  });

  test('search matches organization name (any case) or tenant id; counts follow the search', () => {
    const page = queryConnections(all, { ...DEFAULT_CONNECTION_QUERY, q: 'org b1' });
    expect(page.rows.every((r) => r.orgName!.toLowerCase().includes('org b1'))).toBe(true);
    const byId = queryConnections(all, { ...DEFAULT_CONNECTION_QUERY, q: all[7]!.tenantId });
    expect(byId.rows.map((r) => r.tenantId)).toEqual([all[7]!.tenantId]);
    expect(byId.counts.all).toBe(1);
  });

  test('a page past the end shows the last page', () => {
    const page = queryConnections(all, { ...DEFAULT_CONNECTION_QUERY, page: 999 });
    expect(page.query.page).toBe(3);
    expect(page.rows).toHaveLength(50);
  });
});
