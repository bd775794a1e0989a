import type { FastifyInstance, FastifyRequest } from 'fastify';
import { deletedBundle, secretBundle } from '../secret-json';
import { parseSetBody, parseUpdateBody } from '../validate';
import { guard, type KvRouteDeps } from './deps';

type NameParams = { name: string };
type VersionParams = { name: string; version?: string };

/** Set, get (latest or a version), update and soft-delete one secret. */
export function registerSecretRoutes(app: FastifyInstance, deps: KvRouteDeps): void {
  app.put<{ Params: NameParams }>('/secrets/:name', async (req) => {
    const { origin } = guard(deps, req, 'setSecret', req.params.name);
    const { record, version } = deps.secrets.set(req.params.name, parseSetBody(req.body));
    return secretBundle(origin, record, version);
  });

  // The SDK asks for the current version as `/secrets/{name}/` (empty version segment).
  const get = async (req: FastifyRequest<{ Params: VersionParams }>) => {
    const { origin } = guard(deps, req, 'getSecret', req.params.name);
    const { record, version } = deps.secrets.get(req.params.name, req.params.version || undefined);
    return secretBundle(origin, record, version);
  };
  app.get<{ Params: VersionParams }>('/secrets/:name', get);
  app.get<{ Params: VersionParams }>('/secrets/:name/', get);
  app.get<{ Params: VersionParams }>('/secrets/:name/:version', get);

  const update = async (req: FastifyRequest<{ Params: VersionParams }>) => {
    const { origin } = guard(deps, req, 'update', req.params.name);
    const body = parseUpdateBody(req.body);
    const { record, version } = deps.secrets.update(req.params.name, req.params.version || undefined, body);
    return secretBundle(origin, record, version, false);
  };
  app.patch<{ Params: VersionParams }>('/secrets/:name/', update);
  app.patch<{ Params: VersionParams }>('/secrets/:name/:version', update);

  app.delete<{ Params: NameParams }>('/secrets/:name', async (req) => {
    const { origin } = guard(deps, req, 'delete', req.params.name);
    return deletedBundle(origin, deps.secrets.delete(req.params.name));
  });
}
