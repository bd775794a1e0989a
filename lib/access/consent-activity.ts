import 'server-only';
import { isAppError } from '@/lib/errors/app-error';
import { log } from '@/lib/log';

export interface ConsentActivity {
  kind: 'consent_grant' | 'consent_remove';
  result: 'success' | 'failed';
  /** The clicking admin (or the job acting for them). */
  user: { upn: string; oid: string; tid: string } | null;
  partner: string;
  customer: string;
  /** The connected account whose GDAP rights Partner Center used. */
  via: string;
  error?: unknown;
}

/** Records a consent grant or removal (TODO(db): lib/activity's recordActivity once it lands). */
export async function recordConsentActivity(a: ConsentActivity): Promise<void> {
  log.info(
    {
      activity: {
        kind: a.kind,
        result: a.result,
        partnerTenantId: a.partner,
        customerTenantId: a.customer,
        actorUpn: a.user?.upn,
        viaUpn: a.via,
        errorCode: a.error ? (isAppError(a.error) ? a.error.code : 'unexpected_error') : undefined,
      },
    },
    'activity',
  );
}
