import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { getConfig } from '@/lib/config';
import { isEntraError } from '@/lib/entra/entra-error';
import { GDAP_READ_PERMISSION } from '@/lib/entra/partner-center-scopes';
import { createGraphClient, isGraphError } from '@/lib/graph';
import { getTokenBroker, isConnectionError } from '@/lib/tokens';
import { fail, ok, warn, type CheckResult } from './check-result';
import { describeError } from './describe-error';

/**
 * Whether the access view can read this partner's GDAP relationships: a Graph token from the
 * stored grant (DelegatedAdminRelationship.Read.All consented), then one page of the list. An
 * empty list is a warning, because Graph answers an account outside Admin Agents that way.
 */
export async function checkGraphGdap(tenantId: TenantId): Promise<CheckResult> {
  const name = `graph-gdap:${tenantId}`;
  const broker = getTokenBroker();
  try {
    const page = await createGraphClient(() =>
      broker.getAccessToken(tenantId, getConfig().GRAPH_RESOURCE),
    ).listRelationshipsPage({ top: 1 });
    if (page.items.length === 0)
      return warn(
        name,
        'Graph answered with no GDAP relationship at all',
        'Graph returns an empty list for an account outside Admin Agents: add the connected account to Admin Agents, or reconnect with one that is',
      );
    return ok(name, `Graph reads GDAP relationships (${GDAP_READ_PERMISSION})`);
  } catch (e) {
    if (isEntraError(e) && e.aadsts === 65001)
      return warn(
        name,
        `AADSTS65001: the connection lacks ${GDAP_READ_PERMISSION} (made before the portal asked for it)`,
        'reconnect the tenant from the Connections page to grant the new permission; the app registration must list it (docs/deploy-azure.md step 2.3)',
      );
    if (isEntraError(e)) return fail(name, `${e.advice.code}: ${e.advice.title}`, e.advice.fix);
    if (isConnectionError(e))
      return fail(name, `${e.code}: ${e.message}`, e.advice?.fix ?? 'reconnect the tenant');
    if (isGraphError(e))
      return fail(
        name,
        `${e.code}${e.upstreamStatus ? ` (HTTP ${e.upstreamStatus})` : ''}: ${e.message}`,
        'check GRAPH_URL and GRAPH_RESOURCE, then run the doctor again',
      );
    return fail(name, describeError(e), 'run the doctor again; check GRAPH_URL and GRAPH_RESOURCE');
  }
}
