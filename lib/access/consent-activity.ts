import 'server-only';
import { recordActivity } from '@/lib/activity';
import { isAppError } from '@/lib/errors/app-error';
import type { TenantId } from '@/lib/ids/tenant-id';

export interface ConsentActivity {
  kind: 'consent_grant' | 'consent_remove';
  result: 'success' | 'failed';
  /** The clicking admin (or the admin who started the job); null for the console. */
  user: { upn: string; oid: string; tid: string } | null;
  partner: TenantId;
  customer: TenantId;
  /** The connected account whose GDAP rights Partner Center used. */
  via: string;
  error?: unknown;
}

/**
 * Records a consent grant or removal in the activity log: the admin who acted and the connected
 * account whose rights were used, the customer, and the error code when it failed. Customer
 * data, so only the partner's admins see the row.
 */
export async function recordConsentActivity(a: ConsentActivity): Promise<void> {
  await recordActivity({
    kind: a.kind,
    result: a.result,
    actor: a.user
      ? { type: 'user', upn: a.user.upn, oid: a.user.oid, tenantId: a.user.tid }
      : { type: 'console' },
    partnerTenantId: a.partner,
    customerTenantId: a.customer,
    viaUpn: a.via,
    errorCode: a.error ? (isAppError(a.error) ? a.error.code : 'unexpected_error') : undefined,
    audience: 'customer',
  });
}
