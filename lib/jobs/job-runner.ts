import pg from 'pg';
import PgBoss from 'pg-boss';
import type { AnyJob } from './job-definition';

export interface JobRunnerOptions {
  url: string;
  jobs: readonly AnyJob[];
  /** How often idle workers look for new jobs (pg-boss's minimum is 0.5 s; default 2 s). */
  pollingIntervalSeconds?: number;
  /** Run cron schedules from this process (default true). Every process may: pg-boss runs each once. */
  schedule?: boolean;
  /**
   * Start a worker per job (default true). False only creates the queues and schedules, for a
   * process that never runs jobs: a pg-boss worker stopped before its first poll completed was
   * seen to keep pg-boss's worker-removal loop alive after stop().
   */
  work?: boolean;
  onError?: (e: Error) => void;
}

export interface JobRunner {
  boss: PgBoss;
  /**
   * Queues a run now, whatever the schedule. Runs queued with the same `key` within
   * `withinSeconds` (default 60) collapse into one across every process: the same guarantee
   * pg-boss gives each cron slot. Returns the job id, or null when an equal run was already queued.
   */
  trigger(
    name: string,
    data?: object,
    opts?: { key?: string; withinSeconds?: number },
  ): Promise<string | null>;
  /** Queues a run and waits until a worker (in any process) finished it. For tests and the console. */
  runNow(name: string, data?: object, timeoutMs?: number): Promise<'completed' | 'failed'>;
  stop(): Promise<void>;
}

/**
 * pg-boss over the portal's database: creates each job's queue, works it, and registers its cron
 * schedule. pg-boss stores everything in its own schema (`pgboss`), which `start()` creates or
 * upgrades under its own advisory lock. Plain Node: the portal, the tests and the bench use it.
 */
export async function startJobRunner(opts: JobRunnerOptions): Promise<JobRunner> {
  const boss = new PgBoss({
    connectionString: opts.url,
    application_name: 'partner-portal-jobs',
    max: 4,
    schedule: opts.schedule ?? true,
    // Completed runs stay visible for a week (the doctor and the health card read the last one).
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
  });
  // pg-boss reports a lost connection as an 'error' event; unhandled, it would crash the process.
  boss.on('error', (e) => opts.onError?.(e));
  await boss.start();

  const byName = new Map(opts.jobs.map((j) => [j.name, j]));
  try {
    await underSetupLock(opts.url, async () => {
      for (const job of opts.jobs) {
        await boss.createQueue(job.name, {
          name: job.name,
          policy: job.policy ?? 'stately',
          retryLimit: job.retryLimit ?? 2,
          retryBackoff: true,
          expireInSeconds: job.expireInSeconds ?? 15 * 60,
        });
        if (job.cron && (opts.schedule ?? true))
          await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
      }
    });
    for (const job of opts.work === false ? [] : opts.jobs) {
      await boss.work<object>(
        job.name,
        { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async ([run]) => {
          if (run) await job.handler(run.data ?? {}, { id: run.id, name: run.name });
        },
      );
    }
  } catch (e) {
    // Never leave a half-started runner polling in the background.
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw e;
  }

  const trigger: JobRunner['trigger'] = (name, data = {}, t = {}) => {
    if (!byName.has(name)) throw new Error(`unknown job ${name}`);
    return boss.send(name, data, {
      singletonKey: t.key ?? 'trigger',
      singletonSeconds: t.withinSeconds ?? 60,
    });
  };

  return {
    boss,
    trigger,
    async runNow(name, data = {}, timeoutMs = 60_000) {
      const id = await boss.send(name, data);
      if (!id) throw new Error(`job ${name} was not queued`);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = await boss.getJobById(name, id, { includeArchive: true });
        if (job?.state === 'completed') return 'completed';
        if (job?.state === 'failed') return 'failed';
        if (Date.now() > deadline)
          throw new Error(`job ${name} did not finish within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      // pg-boss removes its stopped workers on a detached loop that polls every second; waiting
      // it out means a stopped runner fires no timer later (in a test file that has ended, say).
      await new Promise((r) => setTimeout(r, 1_500));
    },
  };
}

/**
 * Creating queues is not safe to run concurrently: pg-boss creates and attaches a partition per
 * queue, and two processes starting at once deadlock on it (seen in db-jobs.test.ts). A session
 * advisory lock on a connection of its own serialises the setup across processes; the second
 * process then finds every queue already there.
 */
async function underSetupLock(url: string, fn: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'partner-portal-jobs' });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('partner-portal job runner setup'))`);
    await fn();
  } finally {
    await client.end().catch(() => {});
  }
}
