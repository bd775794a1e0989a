import type { Directory, DirectoryUser, Tenant } from '../../directory/directory';
import { aadsts } from '../http/aadsts';
import { EntraError } from '../http/entra-error';

/** What a partner user gets in a customer tenant: the GDAP roles (`wids` of the token) and their home tenant. */
export interface DelegatedAccess {
  roles: string[];
  homeTenantId: string;
}

/**
 * A refresh token used at another tenant's authority (gdap-and-app-consent.md §1.2–§1.3): only
 * a partner user reaching a customer of their partner through an active GDAP relationship whose
 * active access assignment names a group the user is in gets through (AADSTS50020 otherwise);
 * then the customer tenant's own refusal, if it has one. Consent (AADSTS65001) is checked when
 * the token is issued, as for any tenant.
 */
export function delegatedAccess(
  directory: Directory,
  user: DirectoryUser,
  homeTenantId: string,
  target: Tenant,
  clientId: string,
  resourceIdentifier: string,
): DelegatedAccess {
  const roles =
    target.kind === 'customer' ? directory.delegatedRoles(user, homeTenantId, target.id) : [];
  if (roles.length === 0) throw new EntraError(aadsts.userNotInTenant(user.upn, target.name));
  switch (directory.delegatedTokenBlock(target.id)) {
    case 53003:
      throw new EntraError(aadsts.blockedByConditionalAccess());
    case 530034:
      throw new EntraError(aadsts.delegatedAdminBlocked());
    case 500014:
      throw new EntraError(aadsts.servicePrincipalDisabled(resourceIdentifier));
    case 90099:
      throw new EntraError(aadsts.partnerAppNotAuthorized(clientId, target.id));
    default:
      return { roles, homeTenantId };
  }
}
