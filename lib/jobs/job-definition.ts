/**
 * A job a concern runs in the background: on a cron schedule, when something queues it, or both.
 * Define it in the concern's own folder (e.g. `lib/activity/jobs.ts`, exporting `jobs`) and add
 * that module to `registered-jobs.ts` with one line.
 */
export interface JobDefinition<Data extends object = Record<string, never>> {
  /** Queue name, `<concern>.<what>` (letters, digits, `.`, `-`, `_`). */
  name: string;
  /** Cron in UTC (pg-boss has one-minute resolution), e.g. `'17 3 * * *'` for daily at 03:17. */
  cron?: string;
  /**
   * pg-boss queue policy. `stately` (the default): at most one queued and one running at a time,
   * so repeated triggers collapse. `singleton`: at most one running. `standard`: no limit.
   */
  policy?: 'standard' | 'singleton' | 'stately' | 'short';
  /** Failed runs are retried this many times with back-off (default 2). */
  retryLimit?: number;
  /** A run still active after this long is failed and may be retried (default 15 minutes). */
  expireInSeconds?: number;
  handler(data: Data, run: { id: string; name: string }): Promise<void>;
}

/** Identity helper that keeps each job's data type checked. */
export function defineJob<Data extends object>(job: JobDefinition<Data>): JobDefinition<Data> {
  return job;
}

// The registry holds jobs of different data types; the handler's parameter is checked where each
// job is defined, so the list itself erases it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJob = JobDefinition<any>;
