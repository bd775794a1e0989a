import type { FastifyInstance } from 'fastify';
import { APP_CONSENT_ROLE_IDS } from '../../directory/directory-roles';
import type { Clock } from '../../core/clock';
import { callerOf, type PcCaller } from '../auth';
import type { ConsentDirectory } from '../consent-directory';
import type { PcDeps } from '../deps';
import { badInput, notFound, PcError } from '../errors';
import { resolveCustomer } from './resolve-customer';

type IdParams = { id: string };
type DeleteParams = { id: string; appId: string };

/**
 * Codes for the consent API's own refusals. Partner Center documents the statuses (403, 409)
 * but not these bodies (gdap-and-app-consent.md §8), so the codes are the emulator's; clients
 * should branch on status and, for 409, on the text "Permission entry already exists".
 */
const FORBIDDEN = 1002;
const CONFLICT = 2015;

const forbidden = (detail: string) => new PcError(403, FORBIDDEN, 'Authorization Failed', [detail]);

/**
 * `POST /v1/customers/{id}/applicationconsents` and `DELETE …/applicationconsents/{appId}`
 * (control-panel-vendor-apis.md; gdap-and-app-consent.md §3). The caller is an App+User token
 * whose app id is the application being consented, from a partner user who is an admin agent
 * and holds, through an active GDAP relationship with the customer, Global Administrator,
 * Application Administrator or Cloud Application Administrator. A grant creates the app's
 * service principal and AllPrincipals grants in the customer tenant (Graph then sees them);
 * a delete removes the service principal.
 */
export function registerApplicationConsents(
  app: FastifyInstance,
  deps: PcDeps,
  directory: ConsentDirectory,
  clock: Clock,
): void {
  app.post<{ Params: IdParams }>('/v1/customers/:id/applicationconsents', async (req, reply) => {
    const caller = callerOf(req);
    const customer = resolveCustomer(deps, caller, req.params.id);
    const body = parseBody(req.body);
    if (body.applicationId !== caller.appId)
      throw forbidden(
        `The applicationId ${body.applicationId} does not match the application of the bearer token.`,
      );
    requireConsentRole(directory, caller, customer.id);
    const grants: Record<string, string[]> = {};
    for (const g of body.applicationGrants) {
      const resource = directory.resolveResource(g.enterpriseApplicationId);
      if (!resource || !resource.firstParty)
        throw badInput(
          `The app is trying to access a service '${g.enterpriseApplicationId}' that your organization '${customer.id}' lacks a service principal for.`,
        );
      const known = Object.keys(resource.scopes);
      const scopes = g.scopes.map((s) => {
        const k = known.find((x) => x.toLowerCase() === s.toLowerCase());
        if (!k)
          throw badInput(
            `The scope '${s}' is not a delegated permission of ${resource.displayName}.`,
          );
        return k;
      });
      grants[resource.appId] = [...new Set([...(grants[resource.appId] ?? []), ...scopes])];
    }
    if (!directory.grantCustomerConsent(customer.id, body.applicationId, grants, clock.now()))
      throw new PcError(409, CONFLICT, 'Permission entry already exists.');
    return reply.code(201).send({
      ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
      applicationId: body.applicationId,
      applicationGrants: body.applicationGrants.map((g) => ({
        enterpriseApplicationId: g.enterpriseApplicationId,
        scope: g.scopes.join(','),
      })),
      attributes: { objectType: 'ApplicationConsent' },
    });
  });

  app.delete<{ Params: DeleteParams }>(
    '/v1/customers/:id/applicationconsents/:appId',
    async (req, reply) => {
      const caller = callerOf(req);
      const customer = resolveCustomer(deps, caller, req.params.id);
      requireConsentRole(directory, caller, customer.id);
      if (!directory.removeCustomerConsent(customer.id, req.params.appId))
        throw notFound(
          `No application consent for ${req.params.appId} in customer ${customer.id}.`,
        );
      return reply.code(200).send();
    },
  );
}

function requireConsentRole(
  directory: ConsentDirectory,
  caller: PcCaller,
  customerId: string,
): void {
  // "App-only consent into customer tenants isn't supported": an App+User token is required.
  if (caller.appOnly || !caller.oid)
    throw forbidden('Application consent requires an App+User token.');
  const found = directory.findUserByOid(caller.oid);
  if (!found || !directory.isAdminAgent(found.user))
    throw forbidden('The user must be a member of the AdminAgents group.');
  const roles = directory.delegatedRoles(found.user, caller.tenantId, customerId);
  if (!roles.some((r) => APP_CONSENT_ROLE_IDS.has(r)))
    throw forbidden(
      'Insufficient privileges to complete the operation. An active GDAP relationship giving the user Global Administrator, Application Administrator or Cloud Application Administrator is required.',
    );
}

interface ConsentBody {
  displayName?: string;
  applicationId: string;
  applicationGrants: Array<{ enterpriseApplicationId: string; scopes: string[] }>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Field names bind case-insensitively (CIPP sends PascalCase and it works). */
function field(obj: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : obj[key];
}

function parseBody(raw: unknown): ConsentBody {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw badInput('The request body must be a JSON object.');
  const body = raw as Record<string, unknown>;
  const applicationId = field(body, 'applicationId');
  if (typeof applicationId !== 'string' || !GUID.test(applicationId))
    throw badInput('applicationId must be the application (client) id, a GUID.');
  const grantsRaw = field(body, 'applicationGrants');
  if (!Array.isArray(grantsRaw) || grantsRaw.length === 0 || grantsRaw.length > 20)
    throw badInput('applicationGrants must list one to twenty grants.');
  const applicationGrants = grantsRaw.map((g) => {
    if (!g || typeof g !== 'object') throw badInput('Each application grant must be an object.');
    const id = field(g as Record<string, unknown>, 'enterpriseApplicationId');
    const scope = field(g as Record<string, unknown>, 'scope');
    if (typeof id !== 'string' || !GUID.test(id))
      throw badInput('enterpriseApplicationId must be the resource application id, a GUID.');
    if (typeof scope !== 'string' || scope.length > 2000)
      throw badInput('scope must be a comma-separated list of permission names.');
    const scopes = scope
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (scopes.length === 0) throw badInput('scope must name at least one permission.');
    return { enterpriseApplicationId: id.toLowerCase(), scopes };
  });
  const displayName = field(body, 'displayName');
  return {
    applicationId: applicationId.toLowerCase(),
    applicationGrants,
    ...(typeof displayName === 'string' ? { displayName } : {}),
  };
}
