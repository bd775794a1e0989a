import type { FastifyRequest } from 'fastify';
import { badParameter } from './errors';

const DEFAULT_MAX = 25;

/** `maxresults`: 1–25, default 25 (secrets.json `maxresults` maximum). */
export function parseMaxResults(req: FastifyRequest): number {
  const raw = (req.query as Record<string, unknown>).maxresults;
  if (raw === undefined || raw === '') return DEFAULT_MAX;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > DEFAULT_MAX) {
    throw badParameter(
      `Invalid maxresults parameter: ${String(raw)}. The value must be an integer between 1 and ${DEFAULT_MAX}.`,
    );
  }
  return n;
}

/**
 * One page of `items` (each with a sort key, ascending). The `$skiptoken` names the last key
 * returned rather than an offset, so secrets added or deleted between pages neither repeat nor
 * vanish from the rest of the listing.
 */
export function takePage<T>(
  req: FastifyRequest,
  items: Array<{ key: string; item: T }>,
  max: number,
): { page: T[]; nextKey?: string } {
  const token = (req.query as Record<string, unknown>)['$skiptoken'];
  let after: string | undefined;
  if (token !== undefined) {
    after = decodeSkipToken(token);
  }
  const sorted = items.slice().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rest = after === undefined ? sorted : sorted.filter((e) => e.key > after);
  const page = rest.slice(0, max);
  const last = page[page.length - 1];
  return {
    page: page.map((e) => e.item),
    ...(rest.length > max && last ? { nextKey: last.key } : {}),
  };
}

/** Absolute nextLink, as Key Vault returns it; the SDK requests it verbatim. */
export function nextLink(
  origin: string,
  path: string,
  apiVersion: string,
  nextKey: string | undefined,
  max: number,
): string | null {
  if (nextKey === undefined) return null;
  const token = Buffer.from(JSON.stringify({ k: nextKey })).toString('base64url');
  return `${origin}${path}?api-version=${encodeURIComponent(apiVersion)}&$skiptoken=${token}&maxresults=${max}`;
}

function decodeSkipToken(token: unknown): string {
  try {
    const parsed = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as {
      k?: unknown;
    };
    if (typeof parsed.k === 'string') return parsed.k;
  } catch {
    // fall through to the error below
  }
  throw badParameter('The $skiptoken parameter is invalid.');
}
