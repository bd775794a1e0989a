import type { TenantId } from '@/lib/ids/tenant-id';
import 'server-only';
import { recordActivity } from '@/lib/activity';
import { withDatabase } from '@/lib/db';
import { log } from '@/lib/log';
import { getRefreshTokenStore } from '@/lib/vault';
import { keepAliveConnection, type KeepaliveResult } from './keep-alive-connection';

export type KeepaliveTrigger = 'job' | 'console';

/**
 * Keeps connections alive one after another (polite to Entra and Key Vault): every connected
 * tenant, or the ones named. Each result is recorded: the connection's last keep-alive result
 * (the health card shows it) and an activity row (kind `rotate`, by the job or the console).
 * The keep-alive job and `csp keepalive` both run this.
 */
export async function runKeepalive(opts: {
  trigger: KeepaliveTrigger;
  tenantIds?: readonly TenantId[];
  onResult?: (r: KeepaliveResult) => void;
  now?: () => number;
}): Promise<KeepaliveResult[]> {
  const tenantIds = opts.tenantIds ?? (await getRefreshTokenStore().list()).map((c) => c.tenantId);
  const results: KeepaliveResult[] = [];
  for (const tenantId of tenantIds) {
    const result = await keepAliveConnection(tenantId, opts.now);
    await recordKeepaliveResult(result, opts.trigger, opts.now?.() ?? Date.now());
    opts.onResult?.(result);
    results.push(result);
  }
  log.info(
    {
      event: 'keepalive_run',
      trigger: opts.trigger,
      connections: results.length,
      ok: results.filter((r) => r.outcome === 'ok').length,
    },
    'keep-alive run finished',
  );
  return results;
}

/** Never throws: a keep-alive that rotated a token is not undone because its record failed. */
async function recordKeepaliveResult(
  r: KeepaliveResult,
  trigger: KeepaliveTrigger,
  at: number,
): Promise<void> {
  const tenantId = r.tenantId.toLowerCase();
  await recordActivity({
    kind: 'rotate',
    result: r.outcome === 'ok' ? 'success' : 'failed',
    actor: trigger === 'job' ? { type: 'job' } : { type: 'console' },
    partnerTenantId: tenantId,
    errorCode: r.code ?? null,
  });
  const row = {
    outcome: r.outcome,
    error_code: r.code ?? null,
    days_left: r.health?.daysLeft ?? null,
    trigger,
    at: new Date(at),
  };
  await withDatabase((db) =>
    db
      .insertInto('keepalive_result')
      .values({ partner_tenant_id: tenantId, ...row })
      .onConflict((oc) => oc.column('partner_tenant_id').doUpdateSet(row))
      .execute(),
  ).catch((e: unknown) =>
    log.warn(
      {
        event: 'keepalive_result_not_recorded',
        tenantId,
        errorCode: (e as { code?: string }).code,
      },
      'keep-alive result not recorded',
    ),
  );
}
