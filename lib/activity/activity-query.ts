import { z } from 'zod';
import { parseUrlQuery, urlQueryString, type SearchParamsLike } from '@/lib/url-query/url-query';
import {
  ACTIVITY_KINDS,
  ACTIVITY_RESULTS,
  type ActivityKind,
  type ActivityResult,
} from './activity-event';

/** As the customer list's default: rendering rows is what a page's time goes to (see the bench). */
export const ACTIVITY_PAGE_SIZE = 25;
/** Deep pages cost an OFFSET scan; nobody pages 400 × 25 rows by hand (use the CSV or a filter). */
export const ACTIVITY_MAX_PAGE = 400;

/** The activity page's state, all of it in the URL so a link shows the same view. */
export interface ActivityQuery {
  /** Only rows about this partner tenant (a lower-case GUID). */
  tenant?: string;
  kind?: ActivityKind;
  result?: ActivityResult;
  page: number;
}

export const DEFAULT_ACTIVITY_QUERY: ActivityQuery = { page: 1 };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Anything out of range falls back to the default: a hand-edited or hostile URL never errors. */
export const activityQuerySchema = z.object({
  tenant: z
    .string()
    .regex(GUID)
    .transform((s) => s.toLowerCase())
    .optional()
    .catch(undefined),
  kind: z.enum(ACTIVITY_KINDS).optional().catch(undefined),
  result: z.enum(ACTIVITY_RESULTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(ACTIVITY_MAX_PAGE).catch(1),
});

/** Reads an ActivityQuery from Next's `searchParams` or a URLSearchParams. */
export function parseActivityQuery(params: SearchParamsLike): ActivityQuery {
  return parseUrlQuery(activityQuerySchema, params, ['tenant', 'kind', 'result', 'page']);
}

/** The URL query for `query` with `change` applied; defaults are left out to keep links short. */
export function activityQueryString(
  query: ActivityQuery,
  change: Partial<ActivityQuery> = {},
): string {
  const next = { ...query, ...change };
  return urlQueryString(
    { tenant: next.tenant, kind: next.kind, result: next.result, page: next.page },
    { ...DEFAULT_ACTIVITY_QUERY },
  );
}
