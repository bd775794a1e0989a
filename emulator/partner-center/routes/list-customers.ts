import type { FastifyInstance } from 'fastify';
import { callerOf } from '../auth';
import { parseCustomerFilter } from '../customer-filter';
import { PartnerCustomerIndex } from '../customer-index';
import type { PcDeps } from '../deps';
import { badInput } from '../errors';
import { link, type PcLink } from '../links';
import { decodeContinuation, encodeContinuation, queryHash } from '../paging-token';

const MAX_SIZE = 500;
const EMPTY = new PartnerCustomerIndex([]);

/**
 * `GET /v1/customers?size=&filter=` and its continuation (`seekOperation=Next` with the
 * `MS-ContinuationToken` header), shaped as get-a-list-of-customers.md shows. The body is
 * assembled from pre-serialised items, so a 500-customer page costs no per-request JSON work.
 */
export function registerListCustomers(app: FastifyInstance, deps: PcDeps): void {
  app.get('/v1/customers', async (req, reply) => {
    const caller = callerOf(req);
    const q = req.query as Record<string, unknown>;
    const filter = parseCustomerFilter(q.filter);
    const size = parseSize(q.size, filter !== undefined);
    const hash = queryHash(
      caller.tenantId,
      filter && `${filter.field}:${filter.prefix.toLowerCase()}`,
    );
    const offset = continuationOffset(q.seekOperation, req.headers['ms-continuationtoken'], hash);

    const { entries, start, end } = (deps.indexes.get(caller.tenantId) ?? EMPTY).select(filter);
    const from = start + offset;
    if (from > end) throw badInput('The continuation token is invalid.');
    const to = size === undefined ? end : Math.min(end, from + size);

    const query = [
      ...(typeof q.size === 'string' ? [`size=${size ?? 0}`] : []),
      ...(typeof q.filter === 'string' ? [`filter=${encodeURIComponent(q.filter)}`] : []),
    ].join('&');
    const links: { self: PcLink; next?: PcLink } = { self: link(`/v1/customers?${query}`) };
    let token: string | undefined;
    if (to < end) {
      token = encodeContinuation(offset + (to - from), hash);
      links.next = link(`/v1/customers?${query}&seekOperation=Next`, [
        { key: 'MS-ContinuationToken', value: token },
      ]);
    }
    let items = '';
    for (let i = from; i < to; i++) items += (i > from ? ',' : '') + entries[i]!.json;
    const body =
      `{"totalCount":${to - from},"items":[${items}],"links":${JSON.stringify(links)}` +
      `${token ? `,"continuationToken":${JSON.stringify(token)}` : ''},"attributes":{"objectType":"Collection"}}`;
    return reply.type('application/json; charset=utf-8').send(body);
  });
}

/**
 * `size`: 1–500 (the SDK's MIN_PAGE_SIZE/MAX_PAGE_SIZE), required for the plain listing. With a
 * filter the docs make it optional and their example sends `size=0`: then every match comes back
 * in one response (undefined here).
 */
function parseSize(raw: unknown, filtered: boolean): number | undefined {
  if (filtered && (raw === undefined || raw === '0')) return undefined;
  const n = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= MAX_SIZE))
    throw badInput(`The size parameter must be an integer between 1 and ${MAX_SIZE}.`);
  return n;
}

function continuationOffset(seek: unknown, token: unknown, hash: string): number {
  if (seek === undefined) return 0;
  if (seek !== 'Next')
    throw badInput(
      `The seek operation '${String(seek)}' is not supported for customers; use Next.`,
    );
  if (typeof token !== 'string' || token.length === 0)
    throw badInput('seekOperation=Next requires the MS-ContinuationToken header.');
  return decodeContinuation(token, hash);
}
