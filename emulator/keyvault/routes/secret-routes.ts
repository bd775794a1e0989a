import type { FastifyInstance, FastifyRequest } from 'fastify';
import { deletedBundle, secretBundle } from '../secret-json';
import { parseSetBody, parseUpdateBody } from '../validate';
import { guard, type KvRouteDeps } from './deps';
import { listVersions } from './list-routes';
import { registerObjectRoutes, type ObjectHandler } from './object-path';

/** Set, get (latest or a version), update, list versions of and soft-delete one secret. */
export function registerSecretRoutes(app: FastifyInstance, deps: KvRouteDeps): void {
  const set: ObjectHandler = async (req, _reply, name) => {
    const { origin } = guard(deps, req, 'setSecret', name);
    const { record, version } = deps.secrets.set(name, parseSetBody(req.body));
    return secretBundle(origin, record, version);
  };

  // The SDK asks for the current version as `/secrets/{name}/` (empty version segment).
  const get: ObjectHandler = async (req, _reply, name, version) => {
    const { origin } = guard(deps, req, 'getSecret', name);
    const found = deps.secrets.get(name, version);
    return secretBundle(origin, found.record, found.version);
  };

  const update: ObjectHandler = async (req, _reply, name, version) => {
    const { origin } = guard(deps, req, 'update', name);
    const body = parseUpdateBody(req.body);
    const updated = deps.secrets.update(name, version, body);
    return secretBundle(origin, updated.record, updated.version, false);
  };

  const remove: ObjectHandler = async (req, _reply, name) => {
    const { origin } = guard(deps, req, 'delete', name);
    return deletedBundle(origin, deps.secrets.delete(name));
  };

  const versions: ObjectHandler = async (req: FastifyRequest, _reply, name) =>
    listVersions(deps, req, name);

  registerObjectRoutes(app, 'secrets', {
    'PUT name': set,
    'GET name': get,
    'GET name/': get,
    'GET name/version': get,
    'GET name/versions': versions,
    'PATCH name/': update,
    'PATCH name/version': update,
    'DELETE name': remove,
  });
}
