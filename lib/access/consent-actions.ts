import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import type { SessionUser } from '@/lib/auth';
import { AppError } from '@/lib/errors/app-error';
import { getRefreshTokenStore } from '@/lib/vault';
import type { AccessRow } from './access-row';
import { checkCustomerNow } from './check-customer-now';
import { recordConsentActivity } from './consent-activity';
import { getAccessViewCache } from './view-cache';
import { assertAdmin, grantCustomerConsent, removeCustomerConsent } from './consent-grant';
import { getAccessRepository } from './get-access-repository';
import { triggerGrantAllMissing } from './jobs';
import { liveSyncDeps } from './live-sync-deps';
import { getJobRunner } from '@/lib/jobs';

export interface ConsentActionResult {
  outcome: 'created' | 'exists' | 'deleted' | 'absent';
  row: AccessRow;
}

/** The connected account whose GDAP rights a grant uses (recorded beside the clicking admin). */
export async function connectedAccountOf(partnerTenantId: TenantId): Promise<string> {
  const record = await getRefreshTokenStore().get(partnerTenantId);
  return record?.tags.connectedByUpn ?? '';
}

async function gdapRow(partner: TenantId, customer: TenantId): Promise<AccessRow> {
  const row = await getAccessRepository().getRow(partner, customer);
  if (!row)
    throw new AppError('access_customer_not_found', 'No such customer in your access list.', 404);
  if (row.access !== 'gdap')
    throw new AppError(
      'access_no_gdap',
      'The app can be consented only through an active GDAP relationship with this customer.',
      409,
    );
  return row;
}

/**
 * The envelope every consent action shares: the admin guard, a customer with active GDAP in the
 * caller's own partner tenant, the connected account whose GDAP rights are used, one activity
 * row (success or failure, with both accounts), then a fresh check so the row shows the result.
 */
async function consentAction(
  user: SessionUser,
  customer: TenantId,
  kind: 'consent_grant' | 'consent_remove',
  act: (partner: TenantId, customer: TenantId) => Promise<ConsentActionResult['outcome']>,
): Promise<ConsentActionResult> {
  assertAdmin(user);
  const partner = user.tid;
  await gdapRow(partner, customer);
  const via = await connectedAccountOf(partner);
  const record = (result: 'success' | 'failed', error?: unknown) =>
    recordConsentActivity({ kind, result, user, partner, customer, via, error });
  try {
    const outcome = await act(partner, customer);
    await record('success');
    const row = await checkCustomerNow(
      partner,
      customer,
      liveSyncDeps(partner, { concurrency: 1 }),
    );
    getAccessViewCache().forget(partner);
    return { outcome, row };
  } catch (e) {
    await record('failed', e);
    throw e;
  }
}

/**
 * Grants the portal app's consent in one customer tenant (admins of the customer's own partner
 * only), recorded in the activity log with the admin and the connected account. A 409 counts as
 * done.
 */
export async function grantConsentAsAdmin(
  user: SessionUser,
  customer: TenantId,
): Promise<ConsentActionResult> {
  return consentAction(user, customer, 'consent_grant', grantCustomerConsent);
}

/**
 * Removes the app's consent from one customer tenant: Partner Center deletes the app's service
 * principal there. Needs the confirmation box ticked.
 */
export async function removeConsentAsAdmin(
  user: SessionUser,
  customer: TenantId,
  confirmed: boolean,
): Promise<ConsentActionResult> {
  assertAdmin(user);
  if (!confirmed)
    throw new AppError(
      'confirmation_required',
      "Tick the box to confirm: removing the consent deletes the app's service principal from the customer's tenant.",
      400,
    );
  return consentAction(user, customer, 'consent_remove', removeCustomerConsent);
}

/** Starts "grant all missing" for the admin's own tenant, as a job with progress on the page. */
export async function startGrantAllMissing(user: SessionUser): Promise<{ queued: boolean }> {
  assertAdmin(user);
  const partner = user.tid;
  const state = await getAccessRepository().readSyncState(partner);
  if (state?.grant.status === 'running') return { queued: false };
  const queued = await triggerGrantAllMissing(partner, {
    upn: user.upn,
    oid: user.oid,
    tid: user.tid,
  });
  // The page shows the job's progress from the sync state, not from this process's short cache.
  getAccessViewCache().forget(partner);
  if (!queued && !getJobRunner())
    throw new AppError(
      'jobs_unavailable',
      'Background jobs are not running on this server. Try again shortly.',
      503,
    );
  return { queued };
}
