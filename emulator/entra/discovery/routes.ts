import type { FastifyInstance } from 'fastify';
import type { EntraDeps } from '../entra-deps';
import { aadsts } from '../http/aadsts';
import { sendEntraError, sendMetadata } from '../http/send-json';
import { resolveTenantPath, type TenantPath } from '../http/tenant-path';
import { instanceDiscovery } from './instance-discovery';
import { v1Configuration, v2Configuration } from './openid-configuration';

type TenantParams = { Params: { tenant: string } };

/** Discovery documents, JWKS and instance discovery on the https authority. */
export function registerDiscoveryRoutes(app: FastifyInstance, deps: EntraDeps): void {
  const hosts = { authority: deps.ctx.urls.entra, browser: deps.ctx.urls.entraBrowser };

  const withTenant = (
    segment: string,
    reply: Parameters<typeof sendMetadata>[0],
    body: (p: TenantPath) => unknown,
  ) => {
    const path = resolveTenantPath(deps.directory, segment);
    if (!path) return sendEntraError(reply, deps, aadsts.tenantNotFound(segment));
    return sendMetadata(reply, body(path));
  };

  app.get<TenantParams>('/:tenant/v2.0/.well-known/openid-configuration', (req, reply) =>
    withTenant(req.params.tenant, reply, (p) => v2Configuration(p, hosts)),
  );
  app.get<TenantParams>('/:tenant/.well-known/openid-configuration', (req, reply) =>
    withTenant(req.params.tenant, reply, (p) => v1Configuration(p, hosts)),
  );
  // Keys carry the issuer of the authority that serves them: templated for multi-tenant paths.
  const keys = (p: TenantPath) =>
    deps.ctx.keys.jwks(
      `${hosts.authority}/${p.kind === 'multi' ? '{tenantid}' : p.tenant.id}/v2.0`,
    );
  app.get<TenantParams>('/:tenant/discovery/v2.0/keys', (req, reply) =>
    withTenant(req.params.tenant, reply, keys),
  );
  app.get<TenantParams>('/:tenant/discovery/keys', (req, reply) =>
    withTenant(req.params.tenant, reply, keys),
  );

  app.get<{ Querystring: { authorization_endpoint?: string } }>(
    '/common/discovery/instance',
    (req, reply) =>
      sendMetadata(reply, instanceDiscovery(hosts.authority, req.query.authorization_endpoint)),
  );
}
