import 'server-only';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { processSingleton } from '@/lib/tokens/process-singleton';
import { startJobRunner, type JobRunner } from './job-runner';
import { loadRegisteredJobs } from './registered-jobs';

export { defineJob, type JobDefinition } from './job-definition';
export { nextRunAt } from './next-run';

const holder = () => processSingleton<{ runner?: JobRunner }>('jobs.runner', () => ({}));

/**
 * Starts this portal process's job runner: every registered job's queue, worker and cron
 * schedule. Called by the server's start-up once migrations are done. Every portal process runs
 * one; pg-boss makes each cron slot and each keyed trigger run once across all of them.
 */
export async function startJobs(): Promise<void> {
  if (holder().runner) return;
  const jobs = await loadRegisteredJobs();
  holder().runner = await startJobRunner({
    url: getConfig().DATABASE_URL,
    jobs,
    onError: (e) => log.warn({ errorCode: 'jobs_error', err: e.message }, 'job runner error'),
  });
  log.info({ jobs: jobs.map((j) => j.name) }, 'job runner started');
}

/** The process's job runner, once started (undefined in the console and before migrations). */
export function getJobRunner(): JobRunner | undefined {
  return holder().runner;
}

export async function stopJobs(): Promise<void> {
  const runner = holder().runner;
  holder().runner = undefined;
  await runner?.stop().catch(() => {});
}
