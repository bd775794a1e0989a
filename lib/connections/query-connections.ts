import type { ConnectionHealth, HealthStatus } from './connection-health';
import {
  CONNECTIONS_PAGE_SIZE,
  type ConnectionQuery,
  type ConnectionSort,
  type StatusGroup,
} from './connection-query';

/** Which filter group a status belongs to. Anything not healthy or merely expiring needs a person. */
export function statusGroupOf(status: HealthStatus): StatusGroup {
  if (status === 'healthy') return 'healthy';
  if (status === 'expiring') return 'expiring';
  return 'needs-person';
}

// Worst first, so ascending by status lists what needs a person at the top.
const STATUS_RANK: Record<HealthStatus, number> = {
  revoked: 0,
  expired: 1,
  mfa_missing: 2,
  error: 3,
  expiring: 4,
  healthy: 5,
};
const MFA_RANK: Record<ConnectionHealth['mfa'], number> = { missing: 0, unknown: 1, confirmed: 2 };

const name = (h: ConnectionHealth) => h.orgName ?? h.tenantId;
// One collator for every comparison: localeCompare with options builds a new one per call, which
// made sorting 500 rows the larger part of rendering the table.
const collator = new Intl.Collator('en', { sensitivity: 'base' });
const text = (a: string, b: string) => collator.compare(a, b);
const time = (iso: string | undefined) => (iso ? Date.parse(iso) || 0 : 0);

const COMPARE: Record<ConnectionSort, (a: ConnectionHealth, b: ConnectionHealth) => number> = {
  org: (a, b) => text(name(a), name(b)),
  tenant: (a, b) => text(a.tenantId, b.tenantId),
  status: (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status],
  mfa: (a, b) => MFA_RANK[a.mfa] - MFA_RANK[b.mfa],
  days: (a, b) => a.daysLeft - b.daysLeft,
  rotated: (a, b) => time(a.rotatedAt) - time(b.rotatedAt),
  error: (a, b) => text(a.lastError?.code ?? '', b.lastError?.code ?? ''),
};

export interface ConnectionTablePage {
  query: ConnectionQuery;
  rows: ConnectionHealth[];
  /** Connections matching the search and the status filter. */
  total: number;
  /** Per status group, among the connections matching the search (the filter's own counts). */
  counts: Record<StatusGroup | 'all', number>;
  pageCount: number;
}

/**
 * Search, counts, status filter, sort (ties broken by organization, then tenant id, so the order
 * is stable) and one page of rows: the operator's table over every connection's health.
 */
export function queryConnections(
  all: readonly ConnectionHealth[],
  query: ConnectionQuery,
): ConnectionTablePage {
  const needle = query.q.toLowerCase();
  const matching = needle
    ? all.filter(
        (h) => h.tenantId.includes(needle) || (h.orgName ?? '').toLowerCase().includes(needle),
      )
    : [...all];
  const counts = { all: matching.length, 'needs-person': 0, expiring: 0, healthy: 0 };
  for (const h of matching) counts[statusGroupOf(h.status)]++;

  const filtered = query.status
    ? matching.filter((h) => statusGroupOf(h.status) === query.status)
    : matching;
  const sign = query.dir === 'asc' ? 1 : -1;
  const primary = COMPARE[query.sort];
  filtered.sort((a, b) => sign * primary(a, b) || COMPARE.org(a, b) || COMPARE.tenant(a, b));
  const pageCount = Math.max(1, Math.ceil(filtered.length / CONNECTIONS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  return {
    query: { ...query, page },
    rows: filtered.slice((page - 1) * CONNECTIONS_PAGE_SIZE, page * CONNECTIONS_PAGE_SIZE),
    total: filtered.length,
    counts,
    pageCount,
  };
}
