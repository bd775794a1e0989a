import 'server-only';
import { isAppError } from '@/lib/errors/app-error';
import { recordActivity } from './record-activity';

/** The signed-in admin of a connect flow, from the token Entra issued when redeeming the code. */
export interface VerifiedActor {
  upn: string;
  oid: string;
  tenantId: string;
}

/**
 * One row per connect callback: `connect`, `replace` (an active connection was overwritten) or
 * `recover` (a disconnected, soft-deleted secret was revived) on success; `connect` with the
 * stable code on each refusal. Before Entra redeemed the code (state, authorize error, missing or
 * bad code) nobody is verified: the row is anonymous, without a tenant, for operators only and
 * under the anonymous budget. After it, the tenant is the one in Entra's token, never the query.
 */
export async function recordConnectActivity(a: {
  kind: 'connect' | 'replace' | 'recover';
  actor: VerifiedActor | undefined;
  failure?: unknown;
}): Promise<void> {
  const code = a.failure ? (isAppError(a.failure) ? a.failure.code : 'unexpected_error') : null;
  // A refusal is the flow saying no (state, MFA, not an admin, the allow-list); a failure is
  // ours or a service's (Entra's authorize URL, Key Vault could not store, something unexpected).
  const stage = (a.failure as { stage?: string } | undefined)?.stage;
  const result = !a.failure
    ? 'success'
    : code === 'unexpected_error' || stage === 'store' || stage === 'start'
      ? 'failed'
      : 'refused';
  await recordActivity({
    kind: a.kind,
    result,
    actor: a.actor ? { type: 'user', ...a.actor } : { type: 'anonymous' },
    partnerTenantId: a.actor?.tenantId ?? null,
    errorCode: code,
  });
}

/**
 * A connect that is refused before it starts (rate-limited, or Entra's authorize URL could not be
 * built) is a `connect` refusal too: by the signed-in user (their session's verified claims) or,
 * for a first connect before anyone can sign in, anonymous.
 */
export async function recordingStartRefusal<T>(
  user: { upn: string; oid: string; tid: string } | null,
  start: () => Promise<T>,
): Promise<T> {
  try {
    return await start();
  } catch (e) {
    await recordConnectActivity({
      kind: 'connect',
      actor: user ? { upn: user.upn, oid: user.oid, tenantId: user.tid } : undefined,
      failure: e,
    });
    throw e;
  }
}
