import { z } from 'zod';
import { parseUrlQuery, urlQueryString, type SearchParamsLike } from '@/lib/url-query/url-query';

/** Columns of the operator's connections table, each sortable. */
export const CONNECTION_SORTS = [
  'org',
  'tenant',
  'status',
  'mfa',
  'days',
  'rotated',
  'error',
] as const;
export type ConnectionSort = (typeof CONNECTION_SORTS)[number];

/** The status filter: who needs a person now, who soon, who is fine. */
export const STATUS_GROUPS = ['needs-person', 'expiring', 'healthy'] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];

export const CONNECTIONS_PAGE_SIZE = 100;

/** The connections table's state, all of it in the URL so a link shows the same view. */
export interface ConnectionQuery {
  q: string;
  sort: ConnectionSort;
  dir: 'asc' | 'desc';
  status?: StatusGroup;
  page: number;
}

/** Worst first: the default view puts the connections that need a person on top. */
export const DEFAULT_CONNECTION_QUERY: ConnectionQuery = {
  q: '',
  sort: 'status',
  dir: 'asc',
  page: 1,
};

// Control characters and angle brackets never take part in a search; they are dropped, not echoed.
const UNPRINTABLE = /[\u0000-\u001f\u007f<>]/g;

/** Anything out of range falls back to the default: a hand-edited or hostile URL never errors. */
const schema = z.object({
  q: z
    .string()
    .transform((s) => s.replace(UNPRINTABLE, '').trim())
    .pipe(z.string().max(100))
    .catch(''),
  sort: z.enum(CONNECTION_SORTS).catch(DEFAULT_CONNECTION_QUERY.sort),
  dir: z.enum(['asc', 'desc']).catch(DEFAULT_CONNECTION_QUERY.dir),
  status: z.enum(STATUS_GROUPS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** Reads a ConnectionQuery from Next's `searchParams` or a URLSearchParams. */
export function parseConnectionQuery(params: SearchParamsLike): ConnectionQuery {
  return parseUrlQuery(schema, params, ['q', 'sort', 'dir', 'status', 'page']) as ConnectionQuery;
}

/** The URL query for `query` with `change` applied; defaults are left out to keep links short. */
export function connectionQueryString(
  query: ConnectionQuery,
  change: Partial<ConnectionQuery> = {},
): string {
  const next = { ...query, ...change };
  return urlQueryString(
    { q: next.q, status: next.status, sort: next.sort, dir: next.dir, page: next.page },
    { ...DEFAULT_CONNECTION_QUERY },
  );
}
