import { z } from 'zod';
import { parseUrlQuery, urlQueryString, type SearchParamsLike } from '@/lib/url-query/url-query';
import { RELATIONSHIPS } from '@/lib/partner-center/types';

import {
  DEFAULT_QUERY,
  PAGE_SIZES,
  SORT_FIELDS,
  type CustomerQuery,
  type SortField,
} from './customer-query-fields';

export { DEFAULT_QUERY, PAGE_SIZES, SORT_FIELDS, type CustomerQuery, type SortField };

/** Anything out of range falls back to the default: a hand-edited URL never causes an error. */
const schema = z.object({
  q: z.string().trim().max(100).catch(DEFAULT_QUERY.q),
  sort: z.enum(SORT_FIELDS).catch(DEFAULT_QUERY.sort),
  dir: z.enum(['asc', 'desc']).catch(DEFAULT_QUERY.dir),
  relationship: z.enum(RELATIONSHIPS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(DEFAULT_QUERY.page),
  pageSize: z.coerce
    .number()
    .int()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(DEFAULT_QUERY.pageSize),
});

/** Reads a CustomerQuery from Next's `searchParams` or a URLSearchParams. */
export function parseCustomerQuery(params: SearchParamsLike): CustomerQuery {
  return parseUrlQuery(schema, params, [
    'q',
    'sort',
    'dir',
    'relationship',
    'page',
    'pageSize',
  ]) as CustomerQuery;
}

/** The URL query for `query` with `change` applied; defaults are left out to keep links short. */
export function customerQueryString(
  query: CustomerQuery,
  change: Partial<CustomerQuery> = {},
): string {
  const next = { ...query, ...change };
  return urlQueryString(
    {
      q: next.q,
      sort: next.sort,
      dir: next.dir,
      relationship: next.relationship,
      page: next.page,
      pageSize: next.pageSize,
    },
    { ...DEFAULT_QUERY },
  );
}
