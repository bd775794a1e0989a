import 'server-only';
import { sql } from 'kysely';
import { getConfig } from '@/lib/config';
import { getDatabase } from '@/lib/db';
import { defineJob } from '@/lib/jobs/job-definition';
import { log } from '@/lib/log';

/** Deletes activity rows older than ACTIVITY_RETENTION_DAYS, daily; the only path that deletes. */
export const pruneActivityJob = defineJob({
  name: 'activity.prune',
  cron: '23 2 * * *',
  async handler() {
    const days = getConfig().ACTIVITY_RETENTION_DAYS;
    const { rows } = await sql<{
      removed: string;
    }>`select activity_prune(${days}) as removed`.execute(getDatabase());
    log.info({ removed: Number(rows[0]?.removed ?? 0), retentionDays: days }, 'activity pruned');
  },
});

export const jobs = [pruneActivityJob];
