import 'server-only';
import type { BrokerActivity } from '@/lib/tokens/token-broker-deps';
import { recordActivity } from './record-activity';

/**
 * The token broker's events as activity rows, by the portal itself (actor `portal`): a rotation
 * written back behind a request ("rotation by request"), and a dead Partner Center grant found
 * while redeeming. The tenant is the broker's own (server state: the stored connection's).
 */
export async function recordBrokerActivity(e: BrokerActivity): Promise<void> {
  await recordActivity({
    kind: e.kind,
    result: e.kind === 'rotate' && e.ok ? 'success' : 'failed',
    actor: { type: 'portal' },
    partnerTenantId: e.tenantId,
    errorCode: e.errorCode ?? null,
  });
}
