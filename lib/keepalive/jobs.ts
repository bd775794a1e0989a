import 'server-only';
import { observeConnections } from '@/lib/alerts/sync-alerts';
import { getConfig } from '@/lib/config';
import { defineJob } from '@/lib/jobs/job-definition';
import { runKeepalive } from './run-keepalive';

export const KEEPALIVE_JOB = 'keepalive.run';

/**
 * Keep-alive without cron: on KEEPALIVE_SCHEDULE, once per slot across every portal process
 * (pg-boss queues each cron slot once; the queue is `stately`, so two runs never overlap).
 * Each result also feeds the alert rules as a check: failures count towards "failing".
 */
export const keepaliveJob = defineJob({
  name: KEEPALIVE_JOB,
  get cron() {
    return getConfig().KEEPALIVE_SCHEDULE;
  },
  retryLimit: 0,
  expireInSeconds: 60 * 60,
  async handler() {
    const results = await runKeepalive({ trigger: 'job' });
    await observeConnections(
      results.flatMap((r) =>
        r.health
          ? [
              {
                health: r.health,
                check: r.outcome === 'ok' ? ('ok' as const) : ('failed' as const),
              },
            ]
          : [],
      ),
    );
  },
});

export const jobs = [keepaliveJob];
