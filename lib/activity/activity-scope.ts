import 'server-only';
import type { SessionUser } from '@/lib/auth';
import { AppError } from '@/lib/errors/app-error';

/**
 * Which rows a user may read, decided from the session alone (verified claims):
 * - an operator: every partner-level row of every tenant, including anonymous refusals, but no
 *   row that names customer data (CSV exports, consent grants): operators see no customer data;
 * - a partner admin: every row about their own tenant, customer-level rows included;
 * - anyone else (staff): nothing, refused with `forbidden_not_admin`.
 * A user who is both (an admin of the home tenant holding Portal.Operator) gets both.
 */
export interface ActivityScope {
  /** See audience `partner` rows of all tenants. */
  allPartnerRows: boolean;
  /** See every row whose partner tenant is this one. */
  ownTenant?: string;
}

export function activityScopeOf(user: SessionUser): ActivityScope {
  if (!user.isOperator && !user.isPartnerAdmin) throw activityForbidden();
  return {
    allPartnerRows: user.isOperator,
    ownTenant: user.isPartnerAdmin ? user.tid.toLowerCase() : undefined,
  };
}

export function activityForbidden(): AppError {
  return new AppError(
    'forbidden_not_admin',
    'Only an administrator of your organization, or a portal operator, can see the activity log.',
    403,
  );
}

/**
 * The console's scope. Whoever runs `csp` holds the portal's own credentials (Key Vault, the
 * database), like an operator: without `--tenant` it sees partner-level rows of every tenant,
 * as the operator's page does; with `--tenant` it sees that partner's rows, customer-level ones
 * included, as `csp customers --tenant` shows that partner's customers.
 */
export function consoleActivityScope(tenantId?: string): ActivityScope {
  return tenantId
    ? { allPartnerRows: false, ownTenant: tenantId.toLowerCase() }
    : { allPartnerRows: true };
}
