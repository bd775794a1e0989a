import 'server-only';
import { defineJob } from '@/lib/jobs/job-definition';
import { getJobRunner } from '@/lib/jobs';
import { log } from '@/lib/log';
import { getRefreshTokenStore } from '@/lib/vault';
import { liveSyncDeps } from './live-sync-deps';
import { getAccessRepository } from './get-access-repository';
import { grantAllMissing } from './grant-all-missing';
import { sendAccessDigest } from './send-digest';
import { syncPartner } from './sync-partner';
import { parseTenantId, type TenantId } from '@/lib/ids/tenant-id';

export const SYNC_ALL_JOB = 'access.sync-all';
export const SYNC_PARTNER_JOB = 'access.sync';
export const GRANT_MISSING_JOB = 'access.grant-missing';
export const DIGEST_JOB = 'access.digest';

/**
 * The access sync on the job system: every 30 minutes `access.sync-all` queues one
 * `access.sync` per connected partner tenant (keyed by tenant, so a partner never has two runs
 * queued), and each run works until its time cap, queueing itself again while rows are due.
 */
export const jobs = [
  defineJob({
    name: SYNC_ALL_JOB,
    cron: '*/30 * * * *',
    async handler() {
      const connections = await getRefreshTokenStore().list();
      for (const c of connections) {
        if (c.tags.status === 'disconnected') continue;
        await triggerAccessSync(c.tenantId);
      }
    },
  }),
  defineJob<{ partnerTenantId?: string }>({
    name: SYNC_PARTNER_JOB,
    policy: 'standard',
    retryLimit: 2,
    // A run stops taking customers after 10 minutes; this only catches a hung one.
    expireInSeconds: 20 * 60,
    async handler(data) {
      // A job's payload is JSON from the queue: parsed here, where it enters.
      const partner = parseTenantId(data.partnerTenantId);
      if (!partner) return;
      const summary = await syncPartner(partner, liveSyncDeps(partner));
      log.info(
        {
          event: 'access_sync_run',
          tenantId: partner,
          ...summary,
          partnerError: summary.partnerError?.code,
        },
        'access sync run',
      );
      if (summary.outcome === 'partial') await triggerAccessSync(partner);
    },
  }),
  defineJob({
    name: DIGEST_JOB,
    // Daily, once across the fleet (pg-boss's cron slot).
    cron: '0 7 * * *',
    async handler() {
      const repo = getAccessRepository();
      for (const c of await getRefreshTokenStore().list()) {
        if (c.tags.status === 'disconnected') continue;
        await sendAccessDigest(repo, c.tenantId).catch((e: unknown) =>
          log.warn(
            { event: 'access_digest_failed', tenantId: c.tenantId, error: e },
            'access digest failed',
          ),
        );
      }
    },
  }),
  defineJob<{ partnerTenantId?: string; actor?: { upn: string; oid: string; tid: string } }>({
    name: GRANT_MISSING_JOB,
    policy: 'standard',
    retryLimit: 0,
    expireInSeconds: 60 * 60,
    async handler(data) {
      const partner = parseTenantId(data.partnerTenantId);
      if (!partner || !data.actor) return;
      await grantAllMissing({ partnerTenantId: partner, actor: data.actor });
    },
  }),
];

/** Queues a sync for one partner (collapsed with one already queued for it). */
export async function triggerAccessSync(partnerTenantId: TenantId): Promise<boolean> {
  const runner = getJobRunner();
  if (!runner) return false;
  const id = await runner.trigger(
    SYNC_PARTNER_JOB,
    { partnerTenantId },
    {
      key: `access-sync:${partnerTenantId}`,
      withinSeconds: 30,
    },
  );
  return id !== null;
}

/** Queues "grant all missing" for one partner (collapsed with one already queued for it). */
export async function triggerGrantAllMissing(
  partnerTenantId: TenantId,
  actor: { upn: string; oid: string; tid: string },
): Promise<boolean> {
  const runner = getJobRunner();
  if (!runner) return false;
  const partner = partnerTenantId;
  const id = await runner.trigger(
    GRANT_MISSING_JOB,
    { partnerTenantId: partner, actor },
    {
      key: `access-grant:${partner}`,
      withinSeconds: 60,
    },
  );
  return id !== null;
}
