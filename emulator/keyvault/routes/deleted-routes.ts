import type { FastifyInstance } from 'fastify';
import { nextLink, parseMaxResults, takePage } from '../paging';
import { deletedBundle, deletedItem, secretBundle } from '../secret-json';
import { latest } from '../store';
import { guard, type KvRouteDeps } from './deps';

type NameParams = { name: string };

/** Soft-deleted secrets: list, get, recover and purge. */
export function registerDeletedRoutes(app: FastifyInstance, deps: KvRouteDeps): void {
  app.get('/deletedsecrets', async (req) => {
    const { apiVersion, origin } = guard(deps, req, 'readMetadata');
    const max = parseMaxResults(req);
    const all = deps.deleted.list().map((record) => ({ key: record.name.toLowerCase(), item: deletedItem(origin, record) }));
    const { page, nextKey } = takePage(req, all, max);
    return { value: page, nextLink: nextLink(origin, '/deletedsecrets', apiVersion, nextKey, max) };
  });

  app.get<{ Params: NameParams }>('/deletedsecrets/:name', async (req) => {
    const { origin } = guard(deps, req, 'readMetadata', req.params.name);
    return deletedBundle(origin, deps.deleted.get(req.params.name));
  });

  app.post<{ Params: NameParams }>('/deletedsecrets/:name/recover', async (req) => {
    const { origin } = guard(deps, req, 'recover', req.params.name);
    const record = deps.deleted.recover(req.params.name);
    return secretBundle(origin, record, latest(record), false);
  });

  app.delete<{ Params: NameParams }>('/deletedsecrets/:name', async (req, reply) => {
    guard(deps, req, 'purge', req.params.name);
    deps.deleted.purge(req.params.name);
    return reply.code(204).send();
  });
}
