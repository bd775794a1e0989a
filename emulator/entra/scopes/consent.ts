import type { AppRegistration, Directory } from '../../directory/directory';
import { MICROSOFT_GRAPH } from '../../directory/resource-apps';
import type { ParsedScopes, ResourceScopes } from './parse-scopes';

/**
 * Delegated permissions a sign-in asks for, per resource app id: named permissions as given,
 * `.default` expanded to the app's configured permissions on that resource, and the OIDC
 * scopes as Microsoft Graph permissions.
 */
export function requestedPermissions(
  app: AppRegistration,
  parsed: ParsedScopes,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (resourceAppId: string, perms: string[]) => {
    const merged = new Set([...(out.get(resourceAppId) ?? []), ...perms]);
    if (merged.size > 0) out.set(resourceAppId, [...merged]);
  };
  for (const r of parsed.resources) add(r.resource.appId, expand(app, r));
  // offline_access is a Graph permission too; openid/profile/email sign the user in.
  add(MICROSOFT_GRAPH.appId, [...parsed.oidc]);
  return out;
}

function expand(app: AppRegistration, r: ResourceScopes): string[] {
  return r.permissions.flatMap((p) =>
    p === '.default'
      ? (app.requiredResourceAccess.find((x) => x.resourceAppId === r.resource.appId)?.scopes ?? [])
      : [p],
  );
}

/** Of the requested permissions, those the user (or an admin for everyone) has not granted yet. */
export function missingConsent(
  directory: Directory,
  tenantId: string,
  clientId: string,
  userOid: string,
  requested: Map<string, string[]>,
): Map<string, string[]> {
  const missing = new Map<string, string[]>();
  for (const [resourceAppId, perms] of requested) {
    const granted = new Set(
      directory
        .grantedScopes(tenantId, clientId, resourceAppId, userOid)
        .map((s) => s.toLowerCase()),
    );
    const lacking = perms.filter((p) => !granted.has(p.toLowerCase()));
    if (lacking.length > 0) missing.set(resourceAppId, lacking);
  }
  return missing;
}

/**
 * Permissions a token for `r` carries: `.default` means everything granted on the resource,
 * named permissions must each be granted. Returns undefined when consent is missing.
 */
export function grantedForToken(
  directory: Directory,
  tenantId: string,
  clientId: string,
  userOid: string,
  r: ResourceScopes,
  oidc: Set<string>,
): string[] | undefined {
  const granted = directory.grantedScopes(tenantId, clientId, r.resource.appId, userOid);
  const lower = new Set(granted.map((s) => s.toLowerCase()));
  const wantsDefault = r.permissions.includes('.default');
  const named = r.permissions.filter((p) => p !== '.default');
  if (named.some((p) => !lower.has(p.toLowerCase()))) return undefined;
  // A Graph token for OIDC scopes alone needs those scopes granted (the sign-in itself).
  const isGraph = r.resource.appId === MICROSOFT_GRAPH.appId;
  if (isGraph && r.permissions.length === 0) {
    const oidcApi = [...oidc].filter((s) => s !== 'offline_access');
    if (oidcApi.some((s) => !lower.has(s))) return undefined;
    return granted.filter((s) => oidcApi.includes(s.toLowerCase()) || s === 'User.Read');
  }
  if (wantsDefault)
    return granted.length > 0
      ? granted.filter((s) => !isGraph || s !== 'offline_access')
      : undefined;
  return named;
}
