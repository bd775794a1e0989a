import type { FastifyInstance, FastifyRequest } from 'fastify';
import { nextLink, parseMaxResults, takePage } from '../paging';
import { secretItem, versionItem } from '../secret-json';
import { guard, type KvRouteDeps } from './deps';

/** `GET /secrets`: a page of at most `maxresults` secrets, by name. */
export function registerListRoutes(app: FastifyInstance, deps: KvRouteDeps): void {
  app.get('/secrets', async (req) => {
    const { apiVersion, origin } = guard(deps, req, 'readMetadata');
    const max = parseMaxResults(req);
    const all = Object.entries(deps.store.state.secrets).map(([key, record]) => ({
      key,
      item: secretItem(origin, record),
    }));
    const { page, nextKey } = takePage(req, all, max);
    return { value: page, nextLink: nextLink(origin, '/secrets', apiVersion, nextKey, max) };
  });
}

/** `GET /secrets/{name}/versions`: a page of the secret's versions, oldest first. */
export function listVersions(deps: KvRouteDeps, req: FastifyRequest, name: string) {
  const { apiVersion, origin } = guard(deps, req, 'readMetadata', name);
  const max = parseMaxResults(req);
  const record = deps.store.live(name);
  // Versions only ever append, so the index is a stable sort key. An unknown name lists nothing.
  const all = record
    ? record.versions.map((v, i) => ({
        key: String(i).padStart(8, '0'),
        item: versionItem(origin, record, v),
      }))
    : [];
  const { page, nextKey } = takePage(req, all, max);
  return {
    value: page,
    nextLink: nextLink(
      origin,
      `/secrets/${record?.name ?? name}/versions`,
      apiVersion,
      nextKey,
      max,
    ),
  };
}
