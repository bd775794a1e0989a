import 'server-only';
import { isAppError } from '@/lib/errors/app-error';
import { log } from '@/lib/log';
import { checkCustomerNow } from './check-customer-now';
import { recordConsentActivity } from './consent-activity';
import { grantCustomerConsent } from './consent-grant';
import { connectedAccountOf } from './consent-actions';
import { getAccessRepository } from './get-access-repository';
import { liveSyncDeps } from './live-sync-deps';
import type { TenantId } from '@/lib/ids/tenant-id';

export interface GrantAllInput {
  partnerTenantId: TenantId;
  /** The admin who started it (recorded on every row's activity). */
  actor: { upn: string; oid: string; tid: string };
}

/**
 * "Grant all missing" as a job: every GDAP customer whose consent is missing or partial, one at
 * a time under the per-application budget (consent-grant.ts), one result per row (a 409 counts as
 * done), progress written as it goes so the page can show it.
 */
export async function grantAllMissing(
  input: GrantAllInput,
): Promise<{ done: number; failed: number }> {
  const partner = input.partnerTenantId;
  const repo = getAccessRepository();
  const customers = await repo.listNotConsented(partner);
  const via = await connectedAccountOf(partner);
  await repo.writeSyncState(partner, {
    grant: {
      status: 'running',
      total: customers.length,
      done: 0,
      failed: 0,
      startedAt: new Date(),
      finishedAt: null,
    },
  });
  const deps = liveSyncDeps(partner, { concurrency: 1 });
  let done = 0;
  let failed = 0;
  for (const customer of customers) {
    try {
      await grantCustomerConsent(partner, customer);
      await recordConsentActivity({
        kind: 'consent_grant',
        result: 'success',
        user: input.actor,
        partner,
        customer,
        via,
      });
      done++;
    } catch (e) {
      failed++;
      await recordConsentActivity({
        kind: 'consent_grant',
        result: 'failed',
        user: input.actor,
        partner,
        customer,
        via,
        error: e,
      });
      log.warn(
        {
          event: 'access_grant_failed',
          tenantId: partner,
          errorCode: isAppError(e) ? e.code : 'unexpected_error',
        },
        'consent grant failed for one customer',
      );
    }
    // The row shows the result at once (its own check); a failed check waits for the sync.
    await checkCustomerNow(partner, customer, deps).catch(() => repo.markDue(partner, customer));
    await repo.writeSyncState(partner, { grant: { done, failed } });
  }
  await repo.writeSyncState(partner, {
    grant: { status: 'done', done, failed, finishedAt: new Date() },
  });
  return { done, failed };
}
