import { servicePrincipalObjectId } from './ids';
import type { DirectoryMutableState } from './types';

/** Delegated scopes the client holds on the resource for this user: admin-wide plus the user's own grants. */
export function grantedScopes(
  st: DirectoryMutableState,
  key: { tenantId: string; clientId: string; resourceAppId: string },
  userOid: string,
): string[] {
  const scopes = new Set<string>();
  for (const g of st.grants) {
    if (
      g.tenantId !== key.tenantId ||
      g.clientId !== key.clientId ||
      g.resourceAppId !== key.resourceAppId
    )
      continue;
    if (g.principalOid !== undefined && g.principalOid !== userOid) continue;
    g.scopes.forEach((s) => scopes.add(s));
  }
  return [...scopes];
}

/**
 * Records consent in the state: the client's service principal appears in the tenant with its
 * first grant, and the scopes merge into the user's grant, or into the admin-wide
 * ("AllPrincipals") grant when `userOid` is undefined.
 */
export function recordConsent(
  st: DirectoryMutableState,
  tenantId: string,
  clientId: string,
  userOid: string | undefined,
  scopesByResource: Map<string, string[]>,
  now: number,
): void {
  if (!st.servicePrincipals.some((sp) => sp.appId === clientId && sp.tenantId === tenantId)) {
    st.servicePrincipals.push({
      id: servicePrincipalObjectId(clientId, tenantId),
      appId: clientId,
      tenantId,
      createdAt: now,
    });
  }
  for (const [resourceAppId, scopes] of scopesByResource) {
    const existing = st.grants.find(
      (g) =>
        g.tenantId === tenantId &&
        g.clientId === clientId &&
        g.resourceAppId === resourceAppId &&
        g.principalOid === userOid,
    );
    if (existing) existing.scopes = [...new Set([...existing.scopes, ...scopes])];
    else
      st.grants.push({
        tenantId,
        clientId,
        resourceAppId,
        scopes: [...scopes],
        createdAt: now,
        ...(userOid ? { principalOid: userOid } : {}),
      });
  }
}
