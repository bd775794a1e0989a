import 'server-only';
import type { Env } from '@/lib/config/schema';
import { getRefreshTokenStore, type ConnectionSummary } from '@/lib/vault';
import { toVaultError } from '@/lib/vault/to-vault-error';
import { fail, ok, type CheckResult } from './check-result';
import { describeError } from './describe-error';

/** The connected partner tenants, as the portal lists them (secret properties only, no values). */
export async function listConnections(
  config: Env,
): Promise<{ result: CheckResult; connections?: ConnectionSummary[] }> {
  try {
    const connections = await getRefreshTokenStore().list();
    const detail = connections.length
      ? `${connections.length} partner tenant(s) connected`
      : `no partner tenant connected yet; a partner admin connects at ${config.PORTAL_URL}`;
    return { result: ok('connections', detail), connections };
  } catch (e) {
    return {
      result: fail(
        'connections',
        `cannot list connections (${toVaultError(e).code}: ${describeError(e)})`,
        'fix key-vault first',
      ),
    };
  }
}

/** One stored connection's refresh token can be read (the value is never shown or kept). */
export async function checkTokenReadable(connection: ConnectionSummary): Promise<CheckResult> {
  const name = `token:${connection.tenantId}`;
  try {
    const record = await getRefreshTokenStore().get(connection.tenantId);
    if (!record)
      return fail(
        name,
        'the secret is listed but disabled or empty',
        'reconnect this partner from the Connections page',
      );
    const by = record.tags.connectedByUpn || 'unknown user';
    const rotated = record.tags.rotatedAt || record.updatedOn.toISOString();
    return ok(name, `readable; connected by ${by}, last rotated ${rotated}`);
  } catch (e) {
    return fail(
      name,
      `cannot read the secret (${toVaultError(e).code}: ${describeError(e)})`,
      'the identity needs Key Vault Secrets Officer (docs/deploy-azure.md step 7.2)',
    );
  }
}
