import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { getConfig } from '@/lib/config';
import { AppError } from '@/lib/errors/app-error';
import {
  createPartnerCenterClient,
  isPartnerCenterError,
  type ApplicationConsentRequest,
} from '@/lib/partner-center';
import { getCustomerTokenBroker, getTokenBroker } from '@/lib/tokens';
import { consentBudgetFor } from './fleet-budget';

/** Microsoft Graph's application id, the resource of the consent's one grant. */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** What the grant asks for, shown to the admin before granting (least privilege, from settings). */
export function consentRequest(): ApplicationConsentRequest {
  const config = getConfig();
  return {
    applicationId: config.ENTRA_CLIENT_ID,
    displayName: 'Partner Portal',
    applicationGrants: [
      {
        enterpriseApplicationId: MICROSOFT_GRAPH_APP_ID,
        scope: config.ACCESS_CONSENT_GRAPH_SCOPES.join(','),
      },
    ],
  };
}

function partnerCenterFor(partnerTenantId: TenantId) {
  // Partner Center allows 50 consent requests per second per application id, across every
  // partner: one window for the whole fleet (lib/access/fleet-budget.ts).
  const budget = consentBudgetFor(getConfig().ENTRA_CLIENT_ID);
  return createPartnerCenterClient(async () => {
    // Counted per attempt: the token call is cached, the budget is for Partner Center.
    await budget.take();
    return getTokenBroker().getAccessToken(partnerTenantId);
  });
}

/**
 * The CPV step for one customer, through Partner Center with the connected account's GDAP
 * rights: `created`, or `exists` when the consent was already there (409, counted as done).
 * Cached tokens for that customer are dropped, so the next check sees the new scopes.
 */
export async function grantCustomerConsent(
  partnerTenantId: TenantId,
  customerTenantId: TenantId,
): Promise<'created' | 'exists'> {
  const outcome = await partnerCenterFor(partnerTenantId)
    .createApplicationConsent(customerTenantId, consentRequest())
    .catch(explainForbidden);
  await getCustomerTokenBroker().forget(partnerTenantId, customerTenantId);
  return outcome;
}

/** Removes the app's consent: Partner Center deletes its service principal from the customer tenant. */
export async function removeCustomerConsent(
  partnerTenantId: TenantId,
  customerTenantId: TenantId,
): Promise<'deleted' | 'absent'> {
  const outcome = await partnerCenterFor(partnerTenantId)
    .deleteApplicationConsent(customerTenantId, getConfig().ENTRA_CLIENT_ID)
    .catch(explainForbidden);
  await getCustomerTokenBroker().forget(partnerTenantId, customerTenantId);
  return outcome;
}

export function assertAdmin(user: { isPartnerAdmin: boolean }): void {
  if (!user.isPartnerAdmin)
    throw new AppError(
      'forbidden_not_admin',
      'Only an administrator of your organization can do this.',
      403,
    );
}

/** Partner Center's 403 here means the connected account lacks a consent-capable GDAP role there. */
function explainForbidden(e: unknown): never {
  if (isPartnerCenterError(e) && e.code === 'partner_center_forbidden')
    throw new AppError(
      'consent_role_missing',
      'The connected account has no GDAP role in this customer that may consent apps: it needs Application Administrator, Cloud Application Administrator or Global Administrator through an active relationship.',
      403,
      { cause: e },
    );
  throw e;
}
