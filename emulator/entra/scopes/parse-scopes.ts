import type { Directory, ResourceApp } from '../../directory/directory';
import { MICROSOFT_GRAPH, OIDC_SCOPES } from '../../directory/resource-apps';

/** The scopes of one request for one resource. */
export interface ResourceScopes {
  resource: ResourceApp;
  /** The identifier the client used (becomes `aud` of v1 tokens). */
  identifier: string;
  /** Permission names (`user_impersonation`), or `.default`. */
  permissions: string[];
}

export interface ParsedScopes {
  /** openid / profile / email / offline_access as requested. */
  oidc: Set<string>;
  /** Resources in the order the scopes named them; the first one gets the access token. */
  resources: ResourceScopes[];
}

export type ScopeParseResult =
  | { ok: true; value: ParsedScopes }
  | { ok: false; kind: 'unknown-resource' | 'unknown-scope'; scope: string };

/** Splits a scope string (`https://vault.azure.net/user_impersonation offline_access`) by resource. */
export function parseScopes(directory: Directory, raw: string): ScopeParseResult {
  const oidc = new Set<string>();
  const byResource = new Map<string, ResourceScopes>();
  for (const scope of raw.split(' ').filter(Boolean)) {
    if (OIDC_SCOPES.has(scope.toLowerCase())) {
      oidc.add(scope.toLowerCase());
      continue;
    }
    const slash = scope.lastIndexOf('/');
    // A bare scope ("User.Read") is a Microsoft Graph permission, as in Entra.
    const identifier = slash > 0 ? scope.slice(0, slash) : MICROSOFT_GRAPH.appId;
    const permission = slash > 0 ? scope.slice(slash + 1) : scope;
    const resource = directory.resolveResource(identifier);
    if (!resource) return { ok: false, kind: 'unknown-resource', scope };
    if (
      permission !== '.default' &&
      !Object.keys(resource.scopes).some((s) => s.toLowerCase() === permission.toLowerCase())
    ) {
      return { ok: false, kind: 'unknown-scope', scope };
    }
    const canonical =
      permission === '.default'
        ? permission
        : Object.keys(resource.scopes).find((s) => s.toLowerCase() === permission.toLowerCase())!;
    const entry = byResource.get(resource.appId) ?? { resource, identifier, permissions: [] };
    if (!entry.permissions.includes(canonical)) entry.permissions.push(canonical);
    byResource.set(resource.appId, entry);
  }
  return { ok: true, value: { oidc, resources: [...byResource.values()] } };
}

/**
 * The resource an access token is for: the first resource named, else Microsoft Graph (a
 * request for OIDC scopes only yields a Graph token, as in Entra).
 */
export function tokenResource(parsed: ParsedScopes): ResourceScopes {
  return (
    parsed.resources[0] ?? {
      resource: MICROSOFT_GRAPH,
      identifier: MICROSOFT_GRAPH.appId,
      permissions: [],
    }
  );
}
