import type { FastifyInstance } from 'fastify';
import { READ_APPLICATIONS_ROLE_IDS } from '../../directory/directory-roles';
import { callerOf, hasScope, type GraphCaller } from '../auth';
import type { GraphDeps } from '../deps';
import { badRequest, forbidden, GraphError } from '../errors';
import { parseEqFilter, parseSelect, selectFields } from '../odata';
import {
  grantId,
  servicePrincipalJson,
  servicePrincipalsIn,
  SERVICE_PRINCIPAL_FIELDS,
  type TenantServicePrincipal,
} from '../service-principal-json';

const META = 'https://graph.microsoft.com/v1.0/$metadata';

/**
 * Service principals and delegated permission grants in the token's tenant (a customer tenant
 * when the token came through GDAP): gdap-and-app-consent.md §4.1. Reads need a delegated
 * permission that covers them (`Application.Read.All`, `DelegatedPermissionGrant.Read.All`, or
 * `Directory.Read.All`) and, for a partner user reaching a customer through GDAP, a role that may
 * read applications; otherwise 403 `Authorization_RequestDenied`.
 */
export function registerServicePrincipalRoutes(app: FastifyInstance, deps: GraphDeps): void {
  const byAppId = async (caller: GraphCaller, raw: string) => {
    requireRead(caller, 'sp');
    const m = /^'([^']*)'\)$/.exec(raw);
    if (!m) throw badRequest(`Invalid key predicate: ${raw}`);
    const sp = servicePrincipalsIn(deps.directory, caller.tenant).find(
      (s) => s.appId === m[1]!.toLowerCase(),
    );
    if (!sp) throw notFoundFor(`appId='${m[1]}'`);
    return sp;
  };

  app.get<{ Params: { key: string } }>('/v1.0/servicePrincipals(appId=:key', async (req) => {
    const caller = callerOf(req);
    const select = selectOf(req.query);
    const sp = await byAppId(caller, req.params.key);
    return entity(sp, select);
  });

  app.get<{ Params: { key: string } }>(
    '/v1.0/servicePrincipals(appId=:key/oauth2PermissionGrants',
    async (req) => {
      const caller = callerOf(req);
      const sp = await byAppId(caller, req.params.key);
      requireRead(caller, 'grants');
      return grantsList(deps, caller, { clientId: sp.id });
    },
  );

  app.get('/v1.0/servicePrincipals', async (req) => {
    const caller = callerOf(req);
    requireRead(caller, 'sp');
    const q = req.query as Record<string, unknown>;
    const select = selectOf(q);
    const filter = parseEqFilter(q.$filter, ['appId', 'displayName', 'id']);
    const list = servicePrincipalsIn(deps.directory, caller.tenant).filter((sp) =>
      filter.every((t) =>
        t.property === 'appId'
          ? sp.appId === t.value.toLowerCase()
          : t.property === 'id'
            ? sp.id === t.value.toLowerCase()
            : sp.displayName === t.value,
      ),
    );
    return {
      '@odata.context': `${META}#servicePrincipals${select ? `(${select.join(',')})` : ''}`,
      value: list.map((sp) => selectFields(servicePrincipalJson(sp), select)),
    };
  });

  app.get<{ Params: { id: string } }>('/v1.0/servicePrincipals/:id', async (req) => {
    const caller = callerOf(req);
    requireRead(caller, 'sp');
    const select = selectOf(req.query);
    return entity(byObjectId(deps, caller, req.params.id), select);
  });

  app.get<{ Params: { id: string } }>(
    '/v1.0/servicePrincipals/:id/oauth2PermissionGrants',
    async (req) => {
      const caller = callerOf(req);
      requireRead(caller, 'grants');
      const sp = byObjectId(deps, caller, req.params.id);
      return grantsList(deps, caller, { clientId: sp.id });
    },
  );

  app.get('/v1.0/oauth2PermissionGrants', async (req) => {
    const caller = callerOf(req);
    requireRead(caller, 'grants');
    const q = req.query as Record<string, unknown>;
    const terms = parseEqFilter(q.$filter, [
      'clientId',
      'resourceId',
      'consentType',
      'principalId',
    ]);
    const where = Object.fromEntries(terms.map((t) => [t.property, t.value]));
    return grantsList(deps, caller, where);
  });
}

function selectOf(query: unknown): string[] | undefined {
  return parseSelect(
    (query as Record<string, unknown>).$select,
    SERVICE_PRINCIPAL_FIELDS,
    'microsoft.graph.servicePrincipal',
  );
}

function entity(sp: TenantServicePrincipal, select?: string[]) {
  return {
    '@odata.context': `${META}#servicePrincipals${select ? `(${select.join(',')})` : ''}/$entity`,
    ...selectFields(servicePrincipalJson(sp), select),
  };
}

const notFoundFor = (key: string) =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
  );

function byObjectId(deps: GraphDeps, caller: GraphCaller, id: string): TenantServicePrincipal {
  const sp = servicePrincipalsIn(deps.directory, caller.tenant).find(
    (s) => s.id === id.toLowerCase(),
  );
  if (!sp) throw notFoundFor(id);
  return sp;
}

/** The app's AllPrincipals grants in the tenant, one per resource, as Graph lists them. */
function grantsList(
  deps: GraphDeps,
  caller: GraphCaller,
  where: { clientId?: string; resourceId?: string; consentType?: string; principalId?: string },
) {
  const sps = servicePrincipalsIn(deps.directory, caller.tenant);
  const value: Array<Record<string, unknown>> = [];
  for (const client of sps) {
    if (where.clientId && client.id !== where.clientId.toLowerCase()) continue;
    for (const resource of sps) {
      if (where.resourceId && resource.id !== where.resourceId.toLowerCase()) continue;
      // Admin-wide grants only: per-user grants are not listed by the emulator.
      const scopes = deps.directory.grantedScopes(
        caller.tenant.id,
        client.appId,
        resource.appId,
        '',
      );
      if (scopes.length === 0) continue;
      if (where.consentType && where.consentType !== 'AllPrincipals') continue;
      if (where.principalId) continue;
      value.push({
        id: grantId(client.id, resource.id),
        clientId: client.id,
        consentType: 'AllPrincipals',
        principalId: null,
        resourceId: resource.id,
        scope: scopes.join(' '),
      });
    }
  }
  return { '@odata.context': `${META}#oauth2PermissionGrants`, value };
}

const SP_SCOPES = [
  'Application.Read.All',
  'Application.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
  'Directory.AccessAsUser.All',
];
const GRANT_SCOPES = [
  'DelegatedPermissionGrant.Read.All',
  'DelegatedPermissionGrant.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
  'Directory.AccessAsUser.All',
];

/** Both layers must allow the read: the consented scope, and (through GDAP) the role. */
function requireRead(caller: GraphCaller, what: 'sp' | 'grants'): void {
  if (caller.appOnly) throw forbidden();
  if (!hasScope(caller, ...(what === 'sp' ? SP_SCOPES : GRANT_SCOPES))) throw forbidden();
  const foreign = caller.homeTenantId !== caller.tenant.id;
  if (foreign && ![...caller.roles].some((r) => READ_APPLICATIONS_ROLE_IDS.has(r)))
    throw forbidden();
}
