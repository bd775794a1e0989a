import type { FastifyInstance } from 'fastify';
import { nextLink, parseMaxResults, takePage } from '../paging';
import { secretItem, versionItem } from '../secret-json';
import { guard, type KvRouteDeps } from './deps';

/** `GET /secrets` and `GET /secrets/{name}/versions`: pages of at most `maxresults` items. */
export function registerListRoutes(app: FastifyInstance, deps: KvRouteDeps): void {
  app.get('/secrets', async (req) => {
    const { apiVersion, origin } = guard(deps, req, 'readMetadata');
    const max = parseMaxResults(req);
    const all = Object.entries(deps.store.state.secrets).map(([key, record]) => ({ key, item: secretItem(origin, record) }));
    const { page, nextKey } = takePage(req, all, max);
    return { value: page, nextLink: nextLink(origin, '/secrets', apiVersion, nextKey, max) };
  });

  app.get<{ Params: { name: string } }>('/secrets/:name/versions', async (req) => {
    const { apiVersion, origin } = guard(deps, req, 'readMetadata', req.params.name);
    const max = parseMaxResults(req);
    const record = deps.store.live(req.params.name);
    // Versions only ever append, so the index is a stable sort key.
    const all = (record?.versions ?? []).map((v, i) => ({ key: String(i).padStart(8, '0'), item: versionItem(origin, record!, v) }));
    const { page, nextKey } = takePage(req, all, max);
    const path = `/secrets/${record?.name ?? req.params.name}/versions`;
    return { value: page, nextLink: nextLink(origin, path, apiVersion, nextKey, max) };
  });
}
