import type { TenantId } from '@/lib/ids/tenant-id';
import type { SessionUser } from './session-user';

export type SignInDecision =
  | { allowed: true }
  | { allowed: false; reason: 'tenant_not_connected' | 'home_tenant_not_operator' };

export interface SignInPolicyDeps {
  homeTenantId: TenantId;
  /** Whether the tenant has a stored connection (a refresh token in Key Vault). */
  isTenantConnected: (tenantId: TenantId) => Promise<boolean>;
}

/**
 * Who may hold a session: users of a connected partner tenant, and operators of the home tenant.
 * Everyone else is turned away before a session exists; the caller sends them to the
 * not-connected page (with the connect link for admins).
 */
export async function decideSignIn(
  user: SessionUser,
  deps: SignInPolicyDeps,
): Promise<SignInDecision> {
  if (user.isOperator) return { allowed: true };
  if (await deps.isTenantConnected(user.tid)) return { allowed: true };
  return {
    allowed: false,
    reason: user.tid === deps.homeTenantId ? 'home_tenant_not_operator' : 'tenant_not_connected',
  };
}

/** Where a refused user goes. Only their own tenant id and whether to offer the connect link. */
export function notConnectedUrl(user: SessionUser, reason: string): string {
  const q = new URLSearchParams({ reason, tenant: user.tid });
  if (user.isPartnerAdmin) q.set('admin', '1');
  return `/not-connected?${q}`;
}
