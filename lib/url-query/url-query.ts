import type { z } from 'zod';

/** Next's `searchParams` (a repeated key is an array) or a URLSearchParams. */
export type SearchParamsLike = Record<string, string | string[] | undefined> | URLSearchParams;

/** One parameter's first value; a repeated key never turns into an array downstream. */
export function readParam(params: SearchParamsLike, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Reads a table's URL-held state (filters, sort, page) with `schema`, whose every field has a
 * `.catch()` default: a hand-edited or hostile URL falls back to the default view, never errors.
 * Only `keys` are read; an empty value counts as absent.
 */
export function parseUrlQuery<S extends z.ZodTypeAny>(
  schema: S,
  params: SearchParamsLike,
  keys: readonly string[],
): z.output<S> {
  return schema.parse(
    Object.fromEntries(keys.map((k) => [k, readParam(params, k) || undefined])),
  ) as z.output<S>;
}

type QueryValue = string | number | undefined;

/**
 * The URL query (`?a=1&b=2`, or `''`) for `values`, in their key order, leaving out empty values
 * and those equal to `defaults`, so links stay short and the default view has a bare URL.
 */
export function urlQueryString(
  values: Record<string, QueryValue>,
  defaults: Record<string, QueryValue> = {},
): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '' || value === defaults[key]) continue;
    out.set(key, String(value));
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}
