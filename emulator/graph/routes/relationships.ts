import type { FastifyInstance } from 'fastify';
import type { Relationship } from '../../directory/delegated-admin';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../directory/directory-roles';
import type { AutoExtendDuration } from '../../seed/customer-access';
import { callerOf, hasScope, type GraphCaller } from '../auth';
import type { GraphDeps } from '../deps';
import { forbidden, GraphError } from '../errors';
import {
  decodeSkipToken,
  encodeSkipToken,
  odataQuery,
  parseEqFilter,
  parseSelect,
  parseTop,
  queryKey,
  selectFields,
} from '../odata';
import {
  assignmentJson,
  ASSIGNMENT_FIELDS,
  relationshipJson,
  RELATIONSHIP_FIELDS,
} from '../relationship-json';

/** "`$top` supports up to 300 objects." The default page size is undocumented; the emulator uses 100. */
export const MAX_TOP = 300;
export const DEFAULT_PAGE = 100;

const BASE = '/v1.0/tenantRelationships/delegatedAdminRelationships';
const CONTEXT =
  'https://graph.microsoft.com/v1.0/tenantRelationships/$metadata#delegatedAdminRelationships';
const FILTERABLE = ['status', 'customer/tenantId', 'customer/displayName', 'displayName', 'id'];

type Query = Record<string, unknown>;

/**
 * The GDAP relationship API of the caller's partner tenant (gdap-and-app-consent.md §2.2–§2.7):
 * list with `$filter`, `$select`, `$top` ≤ 300 and `@odata.nextLink`; get by id; access
 * assignments; PATCH of `autoExtendDuration` (ReadWrite.All, `If-Match` required, 412 on a
 * stale ETag, only while created or active, never with Global Administrator). It needs `DelegatedAdminRelationship.Read(Write).All` (else 403), and, as Graph
 * does by design, answers a caller outside the partner's Admin Agents group with 200 and an
 * empty list (not 403).
 */
export function registerRelationshipRoutes(app: FastifyInstance, deps: GraphDeps): void {
  app.get(BASE, async (req) => {
    const caller = callerOf(req);
    const q = req.query as Query;
    const top = parseTop(q.$top, MAX_TOP, DEFAULT_PAGE);
    const filter = parseEqFilter(q.$filter, FILTERABLE);
    const select = parseSelect(
      q.$select,
      RELATIONSHIP_FIELDS,
      'microsoft.graph.delegatedAdminRelationship',
    );
    const orderDesc = parseOrderBy(q.$orderby);
    const key = queryKey(
      caller.tenant.id,
      typeof q.$filter === 'string' ? q.$filter : undefined,
      typeof q.$select === 'string' ? q.$select : undefined,
      typeof q.$orderby === 'string' ? q.$orderby : undefined,
    );
    const offset = decodeSkipToken(q.$skiptoken ?? q.$skipToken, key);

    let all = visibleRelationships(deps, caller).filter((r) => matches(r, filter));
    if (orderDesc !== undefined) {
      all = [...all].sort((a, b) => (orderDesc ? -1 : 1) * a.status.localeCompare(b.status));
    }
    const page = all.slice(offset, offset + top);
    const body: Record<string, unknown> = { '@odata.context': CONTEXT };
    if (q.$count === 'true') body['@odata.count'] = all.length;
    body.value = page.map((r) => selectFields(relationshipJson(r), select));
    if (offset + top < all.length) {
      const params: Array<[string, string]> = [];
      for (const name of ['$filter', '$select', '$orderby', '$count'] as const)
        if (typeof q[name] === 'string') params.push([name, q[name] as string]);
      params.push(['$top', String(top)], ['$skiptoken', encodeSkipToken(offset + top, key)]);
      body['@odata.nextLink'] = `${deps.ctx.urls.graph}${BASE}?${odataQuery(params)}`;
    }
    return body;
  });

  app.get<{ Params: { id: string } }>(`${BASE}/:id`, async (req) => {
    const caller = callerOf(req);
    const q = req.query as Query;
    const select = parseSelect(
      q.$select,
      RELATIONSHIP_FIELDS,
      'microsoft.graph.delegatedAdminRelationship',
    );
    const r = findVisible(deps, caller, req.params.id);
    return {
      '@odata.context': `${CONTEXT}/$entity`,
      ...selectFields(relationshipJson(r), select),
    };
  });

  app.patch<{ Params: { id: string } }>(`${BASE}/:id`, async (req) => {
    const caller = callerOf(req);
    if (caller.appOnly || !hasScope(caller, 'DelegatedAdminRelationship.ReadWrite.All'))
      throw forbidden();
    const r = findVisible(deps, caller, req.params.id);
    const etag = relationshipJson(r)['@odata.etag'];
    const ifMatch = req.headers['if-match'];
    if (typeof ifMatch !== 'string' || ifMatch === '')
      throw new GraphError(400, 'BadRequest', 'The If-Match header is required for this request.');
    if (ifMatch !== '*' && ifMatch !== etag)
      throw new GraphError(
        412,
        'PreconditionFailed',
        'The entity tag in the If-Match header does not match the current version of the relationship.',
      );
    const value = autoExtendOf(req.body);
    if (r.status !== 'active' && r.status !== 'created')
      throw new GraphError(
        400,
        'BadRequest',
        `autoExtendDuration can be updated only while the relationship is created or active; it is ${r.status}.`,
      );
    if (value === 'P180D' && r.roleIds.includes(GLOBAL_ADMINISTRATOR_ROLE_ID))
      throw new GraphError(
        400,
        'BadRequest',
        'A relationship that includes the Global Administrator role cannot be auto-extended.',
      );
    const updated = deps.directory.delegatedAdmin.update(r.id, { autoExtendDuration: value });
    return { '@odata.context': `${CONTEXT}/$entity`, ...relationshipJson(updated ?? r) };
  });

  app.get<{ Params: { id: string } }>(`${BASE}/:id/accessAssignments`, async (req) => {
    const caller = callerOf(req);
    const q = req.query as Query;
    const top = parseTop(q.$top, MAX_TOP, DEFAULT_PAGE);
    const select = parseSelect(
      q.$select,
      ASSIGNMENT_FIELDS,
      'microsoft.graph.delegatedAdminAccessAssignment',
    );
    const filter = parseEqFilter(q.$filter, ['status']);
    const r = findVisible(deps, caller, req.params.id);
    const key = queryKey(
      caller.tenant.id,
      r.id,
      typeof q.$filter === 'string' ? q.$filter : undefined,
    );
    const offset = decodeSkipToken(q.$skiptoken ?? q.$skipToken, key);
    const all = r.assignments.filter((a) => filter.every((t) => a.status === t.value));
    const body: Record<string, unknown> = {
      '@odata.context':
        'https://graph.microsoft.com/v1.0/tenantRelationships/$metadata#accessAssignments',
      value: all
        .slice(offset, offset + top)
        .map((a) => selectFields(assignmentJson(caller.tenant.id, a), select)),
    };
    if (offset + top < all.length) {
      const params: Array<[string, string]> = [];
      for (const name of ['$filter', '$select'] as const)
        if (typeof q[name] === 'string') params.push([name, q[name] as string]);
      params.push(['$top', String(top)], ['$skiptoken', encodeSkipToken(offset + top, key)]);
      body['@odata.nextLink'] =
        `${deps.ctx.urls.graph}${BASE}/${encodeURIComponent(r.id)}/accessAssignments?${odataQuery(params)}`;
    }
    return body;
  });
}

/** Scope first (403), then Admin Agents (silently nothing), then the partner's relationships. */
function visibleRelationships(deps: GraphDeps, caller: GraphCaller): Relationship[] {
  requireGdapScope(caller);
  if (!caller.user || caller.homeTenantId !== caller.tenant.id) return [];
  if (caller.tenant.kind !== 'partner') return [];
  if (!deps.directory.isAdminAgent(caller.user)) return [];
  return deps.directory.delegatedAdmin.relationshipsOf(caller.tenant.id);
}

function findVisible(deps: GraphDeps, caller: GraphCaller, id: string): Relationship {
  requireGdapScope(caller);
  const visible =
    caller.user &&
    caller.homeTenantId === caller.tenant.id &&
    caller.tenant.kind === 'partner' &&
    deps.directory.isAdminAgent(caller.user);
  const r = visible ? deps.directory.delegatedAdmin.relationship(caller.tenant.id, id) : undefined;
  if (!r)
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `The delegated admin relationship with id '${id}' was not found.`,
    );
  return r;
}

function requireGdapScope(caller: GraphCaller): void {
  if (
    caller.appOnly ||
    !hasScope(
      caller,
      'DelegatedAdminRelationship.Read.All',
      'DelegatedAdminRelationship.ReadWrite.All',
    )
  )
    throw forbidden();
}

function matches(r: Relationship, terms: Array<{ property: string; value: string }>): boolean {
  return terms.every((t) => {
    switch (t.property) {
      case 'status':
        return r.status === t.value;
      case 'customer/tenantId':
        return r.customerTenantId === t.value.toLowerCase();
      case 'customer/displayName':
        return r.customerName === t.value;
      case 'displayName':
        return r.displayName === t.value;
      case 'id':
        return r.id === t.value.toLowerCase();
      default:
        return false;
    }
  });
}

/** The PATCH body: only `autoExtendDuration`, one of the documented values. */
function autoExtendOf(body: unknown): AutoExtendDuration {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new GraphError(400, 'BadRequest', 'The request body must be a JSON object.');
  const keys = Object.keys(body);
  const value = (body as Record<string, unknown>).autoExtendDuration;
  if (keys.length !== 1 || keys[0] !== 'autoExtendDuration')
    throw new GraphError(
      400,
      'BadRequest',
      'Only autoExtendDuration can be updated on a relationship that is no longer created.',
    );
  if (value !== 'PT0S' && value !== 'P0D' && value !== 'P180D')
    throw new GraphError(
      400,
      'BadRequest',
      `Invalid autoExtendDuration '${String(value)}': supported values are P0D, PT0S and P180D.`,
    );
  return value;
}

/** `$orderby`: only `status` is documented as sortable. Returns true for desc, undefined when absent. */
function parseOrderBy(raw: unknown): boolean | undefined {
  if (raw === undefined) return undefined;
  const m = typeof raw === 'string' ? /^\s*status(?:\s+(asc|desc))?\s*$/i.exec(raw) : null;
  if (!m)
    throw new GraphError(
      400,
      'BadRequest',
      `The $orderby clause '${String(raw)}' is not supported; only status is sortable.`,
    );
  return m[1]?.toLowerCase() === 'desc';
}
