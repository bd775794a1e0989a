import 'server-only';
import type { z } from 'zod';
import { getConfig } from '@/lib/config';
import { isGuid } from '@/lib/ids/guid';
import { parseTenantId } from '@/lib/ids/tenant-id';
import { log } from '@/lib/log';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '@/lib/partner-center/retry-policy';
import { GraphError, isGraphError } from './graph-error';
import { buildRelationshipFilter } from './relationship-filter';
import {
  accessAssignmentSchema,
  collectionSchema,
  permissionGrantSchema,
  relationshipSchema,
  servicePrincipalSchema,
} from './schemas';
import {
  graphRouteTemplate,
  sendGraphGet,
  type GraphRequestBudget,
  type GraphTransport,
} from './send-request';
import type {
  GdapAccessAssignment,
  GdapRelationship,
  PermissionGrant,
  RelationshipFilter,
  RelationshipsPage,
  ServicePrincipal,
} from './types';

/** `$top` limit of the GDAP collections. */
export const MAX_RELATIONSHIP_PAGE = 300;

/** The relationship fields the access view uses (`$select` keeps pages small). */
const RELATIONSHIP_FIELDS = [
  'id',
  'displayName',
  'customer',
  'accessDetails',
  'status',
  'autoExtendDuration',
  'activatedDateTime',
  'lastModifiedDateTime',
  'endDateTime',
].join(',');

export interface GraphClientOptions {
  /** Defaults to GRAPH_URL. */
  baseUrl?: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  budget?: GraphRequestBudget;
  priority?: 'low' | 'normal' | 'high';
}

export interface GraphClient {
  listRelationshipsPage(query?: {
    filter?: RelationshipFilter;
    top?: number;
    nextLink?: string;
  }): Promise<RelationshipsPage>;
  listAllRelationships(
    query?: { filter?: RelationshipFilter },
    onPage?: (loaded: number) => void,
  ): Promise<GdapRelationship[]>;
  getRelationship(id: string): Promise<GdapRelationship>;
  listAccessAssignments(relationshipId: string): Promise<GdapAccessAssignment[]>;
  /** The service principal of `appId` in the token's tenant, or null when it has none (404). */
  findServicePrincipal(appId: string): Promise<ServicePrincipal | null>;
  listPermissionGrants(servicePrincipalId: string): Promise<PermissionGrant[]>;
}

/** Relationship ids are `<guid>-<guid>` in every example, but opaque: allow only safe characters. */
const RELATIONSHIP_ID = /^[0-9A-Za-z-]{1,100}$/;

/**
 * A typed Microsoft Graph client for one tenant's token: the partner tenant's for GDAP reads,
 * a customer tenant's for the consent check. `getToken` comes from the token broker; the client
 * never stores it. Every response is validated with zod; pages follow `@odata.nextLink` only
 * when it points back at the configured Graph host (the token never goes elsewhere).
 */
export function createGraphClient(
  getToken: () => Promise<string>,
  opts: GraphClientOptions = {},
): GraphClient {
  const baseUrl = (opts.baseUrl ?? getConfig().GRAPH_URL).replace(/\/+$/, '');
  const transport: GraphTransport = {
    baseUrl,
    getToken,
    timeoutMs: opts.timeoutMs ?? 15_000,
    retry: { ...DEFAULT_RETRY_POLICY, ...opts.retry },
    fetch: opts.fetch ?? ((...args) => fetch(...args)),
    sleep: opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: opts.now ?? Date.now,
    budget: opts.budget,
    priority: opts.priority,
  };

  async function get<S extends z.ZodType>(schema: S, url: string): Promise<z.output<S>> {
    const body = await sendGraphGet(transport, url);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      log.warn(
        { graph: { route: graphRouteTemplate(url) }, issues: parsed.error.issues.slice(0, 5) },
        'graph response failed validation',
      );
      throw new GraphError('graph_bad_response', {
        clientRequestId: '',
        description: parsed.error.message.slice(0, 500),
      });
    }
    return parsed.data;
  }

  /** Only links under our own Graph base are followed: a bearer token is never sent elsewhere. */
  function checkedNextLink(link: string): string {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new GraphError('graph_bad_next_link', { clientRequestId: '' });
    }
    const base = new URL(baseUrl);
    if (url.origin !== base.origin || !url.pathname.startsWith('/v1.0/'))
      throw new GraphError('graph_bad_next_link', { clientRequestId: '' });
    return url.toString();
  }

  const relationshipPage = collectionSchema(relationshipSchema);

  async function listRelationshipsPage(
    query: { filter?: RelationshipFilter; top?: number; nextLink?: string } = {},
  ): Promise<RelationshipsPage> {
    let url: string;
    if (query.nextLink) {
      url = checkedNextLink(query.nextLink);
    } else {
      const top = Math.min(Math.max(query.top ?? MAX_RELATIONSHIP_PAGE, 1), MAX_RELATIONSHIP_PAGE);
      const params = new URLSearchParams({ $top: String(top), $select: RELATIONSHIP_FIELDS });
      const filter = buildRelationshipFilter(query.filter);
      if (filter) params.set('$filter', filter);
      url = `${baseUrl}/v1.0/tenantRelationships/delegatedAdminRelationships?${params}`;
    }
    const page = await get(relationshipPage, url);
    return { items: page.value.map(toRelationship), nextLink: page['@odata.nextLink'] };
  }

  return {
    listRelationshipsPage,

    async listAllRelationships(query = {}, onPage) {
      const all: GdapRelationship[] = [];
      let nextLink: string | undefined;
      do {
        const page = await listRelationshipsPage({ filter: query.filter, nextLink });
        all.push(...page.items);
        nextLink = page.nextLink;
        onPage?.(all.length);
      } while (nextLink);
      return all;
    },

    async getRelationship(id) {
      return toRelationship(
        await get(
          relationshipSchema,
          `${baseUrl}/v1.0/tenantRelationships/delegatedAdminRelationships/${relationshipPath(id)}`,
        ),
      );
    },

    async listAccessAssignments(relationshipId) {
      const items: GdapAccessAssignment[] = [];
      let url: string | undefined =
        `${baseUrl}/v1.0/tenantRelationships/delegatedAdminRelationships/${relationshipPath(relationshipId)}/accessAssignments?$top=${MAX_RELATIONSHIP_PAGE}`;
      while (url) {
        const page: z.output<ReturnType<typeof collectionSchema<typeof accessAssignmentSchema>>> =
          await get(collectionSchema(accessAssignmentSchema), url);
        for (const a of page.value)
          items.push({
            id: a.id,
            status: a.status ?? 'unknown',
            groupId: a.accessContainer?.accessContainerId,
            roleIds: roleIdsOf(a.accessDetails),
          });
        url = page['@odata.nextLink'] ? checkedNextLink(page['@odata.nextLink']) : undefined;
      }
      return items;
    },

    async findServicePrincipal(appId) {
      if (!isGuid(appId)) throw new GraphError('graph_not_found', { clientRequestId: '' });
      try {
        const sp = await get(
          servicePrincipalSchema,
          `${baseUrl}/v1.0/servicePrincipals(appId='${appId}')?$select=id,appId,displayName`,
        );
        return { id: sp.id, appId: sp.appId, displayName: sp.displayName };
      } catch (e) {
        if (isGraphError(e) && e.upstreamStatus === 404) return null;
        throw e;
      }
    },

    async listPermissionGrants(servicePrincipalId) {
      if (!isGuid(servicePrincipalId))
        throw new GraphError('graph_not_found', { clientRequestId: '' });
      const grants: PermissionGrant[] = [];
      let url: string | undefined =
        `${baseUrl}/v1.0/servicePrincipals/${servicePrincipalId}/oauth2PermissionGrants`;
      while (url) {
        const page: z.output<ReturnType<typeof collectionSchema<typeof permissionGrantSchema>>> =
          await get(collectionSchema(permissionGrantSchema), url);
        for (const g of page.value)
          grants.push({
            id: g.id,
            clientId: g.clientId,
            consentType: g.consentType,
            resourceId: g.resourceId,
            scopes: g.scope.split(' ').filter(Boolean),
          });
        url = page['@odata.nextLink'] ? checkedNextLink(page['@odata.nextLink']) : undefined;
      }
      return grants;
    },
  };
}

function roleIdsOf(
  details: { unifiedRoles?: { roleDefinitionId: string }[] | null } | null | undefined,
): string[] {
  return (details?.unifiedRoles ?? []).map((r) => r.roleDefinitionId.toLowerCase());
}

function toRelationship(r: z.output<typeof relationshipSchema>): GdapRelationship {
  return {
    id: r.id,
    displayName: r.displayName,
    // Parsed where it enters: a tenant id that is not a GUID is no customer we can reach.
    customerTenantId: parseTenantId(r.customer?.tenantId),
    customerName: r.customer?.displayName ?? undefined,
    status: r.status ?? 'unknownFutureValue',
    roleIds: roleIdsOf(r.accessDetails),
    autoExtendDuration: r.autoExtendDuration,
    endDateTime: r.endDateTime,
    activatedDateTime: r.activatedDateTime,
    lastModifiedDateTime: r.lastModifiedDateTime,
    reseller: (r['@odata.type'] ?? '').toLowerCase().includes('resellerdelegatedadminrelationship'),
  };
}

function relationshipPath(id: string): string {
  if (!RELATIONSHIP_ID.test(id)) throw new GraphError('graph_not_found', { clientRequestId: '' });
  return id;
}
