import type { FastifyInstance } from 'fastify';
import { nextLink, parseMaxResults, takePage } from '../paging';
import { deletedBundle, deletedItem, secretBundle } from '../secret-json';
import { latest } from '../store';
import { guard, type KvRouteDeps } from './deps';
import { registerObjectRoutes } from './object-path';

/** Soft-deleted secrets: list, get, recover and purge. */
export function registerDeletedRoutes(app: FastifyInstance, deps: KvRouteDeps): void {
  app.get('/deletedsecrets', async (req) => {
    const { apiVersion, origin } = guard(deps, req, 'readMetadata');
    const max = parseMaxResults(req);
    const all = deps.deleted
      .list()
      .map((record) => ({ key: record.name.toLowerCase(), item: deletedItem(origin, record) }));
    const { page, nextKey } = takePage(req, all, max);
    return { value: page, nextLink: nextLink(origin, '/deletedsecrets', apiVersion, nextKey, max) };
  });

  registerObjectRoutes(app, 'deletedsecrets', {
    'GET name': async (req, _reply, name) => {
      const { origin } = guard(deps, req, 'readMetadata', name);
      return deletedBundle(origin, deps.deleted.get(name));
    },
    'POST name/recover': async (req, _reply, name) => {
      const { origin } = guard(deps, req, 'recover', name);
      const record = deps.deleted.recover(name);
      return secretBundle(origin, record, latest(record), false);
    },
    'DELETE name': async (req, reply, name) => {
      guard(deps, req, 'purge', name);
      deps.deleted.purge(name);
      return reply.code(204).send();
    },
  });
}
