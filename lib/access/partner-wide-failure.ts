import { adviceFor, grantEffectOf } from '@/lib/entra/aadsts-advice';
import { isEntraError } from '@/lib/entra/entra-error';
import { isConnectionError } from '@/lib/tokens/connection-error';
import type { CustomerAdvice } from './customer-advice';

/**
 * Whether an error from one customer's check is really about the whole partner: the stored
 * refresh token is dead (expired, revoked) or the connection is gone. Those stop the sweep and
 * raise one banner instead of thousands of row errors. AADSTS65001 at a customer authority is
 * not one of them: there it means the app is not consented in that customer's tenant.
 */
export function partnerWideFailure(error: unknown): CustomerAdvice | undefined {
  if (isConnectionError(error)) {
    const advice = error.advice;
    return {
      code: advice?.code ?? error.code,
      title: advice?.title ?? error.message,
      fix: advice?.fix ?? 'A partner admin connects the tenant again from the Connections page.',
    };
  }
  if (isEntraError(error) && error.aadsts !== undefined && error.aadsts !== 65001) {
    const effect = grantEffectOf(error.aadsts);
    if (effect === 'expired' || effect === 'revoked') {
      const advice = adviceFor(error.aadsts);
      return { code: advice.code, title: advice.title, fix: advice.fix };
    }
  }
  return undefined;
}

/**
 * The partner's Graph permission is missing (AADSTS65001 at the partner authority for Graph): a
 * connection made before the portal asked for DelegatedAdminRelationship.Read.All. The Partner
 * Center connection still works; the admin reconnects to grant the new permission.
 */
export const GRAPH_PERMISSION_MISSING: CustomerAdvice = {
  code: 'AADSTS65001',
  title: 'Reconnect to grant the new permission',
  fix: 'The portal now also reads GDAP relationships from Microsoft Graph (DelegatedAdminRelationship.Read.All), which this connection was not granted. A Global Administrator with the Admin Agent role reconnects the tenant from the Connections page and accepts the consent prompt. Partner Center keeps working meanwhile.',
};
