import { z } from 'zod';
import { parseUrlQuery, urlQueryString, type SearchParamsLike } from '@/lib/url-query/url-query';

/**
 * The access view's filters. They overlap (a customer can be in several), so the counts at the
 * top are labelled as such and a list filter is one of them at a time.
 */
export const ACCESS_FILTERS = [
  'all',
  'can-manage',
  'expiring',
  'expired-or-none',
  'not-consented',
  'global-admin',
  'error',
  'pending',
  'unknown',
  'not-in-directory',
] as const;
export type AccessFilter = (typeof ACCESS_FILTERS)[number];

export const ACCESS_SORTS = ['name', 'end-date', 'access', 'consent', 'checked'] as const;
export type AccessSort = (typeof ACCESS_SORTS)[number];

export const ACCESS_PAGE_SIZES = [25, 50, 100, 200] as const;

/** The query string of the access view and `/api/access`, validated: anything else falls back to the default. */
export const accessQuerySchema = z.object({
  filter: z.enum(ACCESS_FILTERS).catch('all').default('all'),
  q: z
    .string()
    .max(100)
    .catch('')
    .default('')
    // Control characters (NUL above all, which PostgreSQL refuses in text) never reach a query.
    .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, '').trim()),
  sort: z.enum(ACCESS_SORTS).catch('name').default('name'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (ACCESS_PAGE_SIZES as readonly number[]).includes(n))
    // 25 by default, like the customer list.
    .catch(25)
    .default(25),
});
export type AccessQuery = z.output<typeof accessQuerySchema>;

/** The default view (a bare URL): links leave these values out. */
export const ACCESS_QUERY_DEFAULTS: AccessQuery = accessQuerySchema.parse({});

/** Reads an access query from URL parameters (first value of each). */
export function parseAccessQuery(params: SearchParamsLike): AccessQuery {
  return parseUrlQuery(accessQuerySchema, params, ['filter', 'q', 'sort', 'dir', 'page', 'size']);
}

export interface AccessCounts {
  total: number;
  canManage: number;
  expiring: number;
  expiredOrNone: number;
  notConsented: number;
  globalAdmin: number;
  error: number;
}

/** The query as a URL query string (defaults left out), with overrides. */
export function accessQueryString(
  query: AccessQuery,
  overrides: Partial<AccessQuery> = {},
): string {
  const q = { ...query, ...overrides };
  return urlQueryString(
    { filter: q.filter, q: q.q, sort: q.sort, dir: q.dir, page: q.page, size: q.size },
    ACCESS_QUERY_DEFAULTS,
  );
}

export const FILTER_LABELS: Record<AccessFilter, string> = {
  all: 'All customers',
  'can-manage': 'Can manage',
  expiring: 'GDAP expiring soon',
  'expired-or-none': 'GDAP expired or none',
  'not-consented': 'App not consented',
  'global-admin': 'Global Administrator in a relationship',
  error: 'Error',
  pending: 'GDAP pending',
  unknown: 'Access unknown',
  'not-in-directory': 'Not in the customer directory',
};
