import 'server-only';
import { getConfig } from '@/lib/config';
import { getDatabase } from '@/lib/db';
import { defineJob } from '@/lib/jobs/job-definition';
import { DELIVER_JOB, deliverAttempt, type DeliverJobData } from './deliveries';
import { syncAlerts } from './sync-alerts';

export const ALERTS_SYNC_JOB = 'alerts.sync';

/** Re-reads every connection's health on ALERT_SYNC_SCHEDULE (once per slot across the fleet). */
export const alertsSyncJob = defineJob({
  name: ALERTS_SYNC_JOB,
  get cron() {
    return getConfig().ALERT_SYNC_SCHEDULE;
  },
  async handler() {
    await syncAlerts();
  },
});

/** One webhook delivery attempt; many run side by side, and retries are queued by the handler. */
export const alertsDeliverJob = defineJob<DeliverJobData>({
  name: DELIVER_JOB,
  policy: 'standard',
  expireInSeconds: 120,
  async handler(data) {
    await deliverAttempt(getDatabase(), data);
  },
});

export const jobs = [alertsSyncJob, alertsDeliverJob];
