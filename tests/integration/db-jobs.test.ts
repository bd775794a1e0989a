import { sql } from 'kysely';
import { defineJob } from '@/lib/jobs/job-definition';
import { startJobRunner, type JobRunner } from '@/lib/jobs/job-runner';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A job that counts its runs in a table, so every process's runs are visible in one place. */
function countingJob(t: TestDatabase, runs: string[]) {
  return defineJob<{ tag?: string }>({
    name: 'test.count',
    cron: '0 4 * * *',
    policy: 'stately',
    async handler(data, run) {
      runs.push(run.id);
      await sql`insert into job_runs (job_id, tag) values (${run.id}, ${data.tag ?? null})`.execute(
        t.db,
      );
      // Long enough that a second runner would overlap if it were allowed to run too.
      await new Promise((r) => setTimeout(r, 300));
    },
  });
}

describe('the job runner (pg-boss) across processes', () => {
  let t: TestDatabase;
  let a: JobRunner;
  let b: JobRunner;
  const runsA: string[] = [];
  const runsB: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    await sql`create table job_runs (job_id text, tag text)`.execute(t.db);
    // Two runners = two pg-boss instances with their own pools, as two portal processes have,
    // started at the same moment (which once deadlocked in pg-boss's queue creation).
    const started = await Promise.allSettled([
      startJobRunner({ url: t.url, jobs: [countingJob(t, runsA)], pollingIntervalSeconds: 0.5 }),
      startJobRunner({ url: t.url, jobs: [countingJob(t, runsB)], pollingIntervalSeconds: 0.5 }),
    ]);
    const value = (s: PromiseSettledResult<JobRunner> | undefined) =>
      s?.status === 'fulfilled' ? s.value : (undefined as unknown as JobRunner);
    a = value(started[0]);
    b = value(started[1]);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await t.drop();
  });

  it('registers the cron schedule once, whichever processes start', async () => {
    const { rows } = await sql<{ name: string; cron: string }>`
      select name, cron from pgboss.schedule`.execute(t.db);
    expect(rows).toEqual([{ name: 'test.count', cron: '0 4 * * *' }]);
  });

  it('runs a job triggered by both processes at once exactly once (as a cron slot is)', async () => {
    const ids = await Promise.all([
      a.trigger('test.count', { tag: 'slot-1' }, { key: 'slot-1' }),
      b.trigger('test.count', { tag: 'slot-1' }, { key: 'slot-1' }),
    ]);
    expect(ids.filter(Boolean)).toHaveLength(1);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { rows } = await sql<{ n: string }>`
        select count(*) as n from job_runs where tag = 'slot-1'`.execute(t.db);
      if (Number(rows[0]!.n) === 1) break;
      if (Date.now() > deadline) throw new Error('the triggered job never ran');
      await new Promise((r) => setTimeout(r, 100));
    }
    // Give the other runner every chance to run it a second time.
    await new Promise((r) => setTimeout(r, 2_000));
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from job_runs where tag = 'slot-1'`.execute(t.db);
    expect(Number(rows[0]!.n)).toBe(1);
    expect(runsA.length + runsB.length).toBe(1);
  });

  it('lets a test run a job directly and wait for it, without waiting for its schedule', async () => {
    expect(await a.runNow('test.count', { tag: 'direct' })).toBe('completed');
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from job_runs where tag = 'direct'`.execute(t.db);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('refuses to trigger a job nobody registered', () => {
    expect(() => a.trigger('test.unknown')).toThrow(/unknown job test.unknown/);
  });
});
