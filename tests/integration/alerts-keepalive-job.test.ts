import type { Kysely } from 'kysely';
import type { Database } from '@/lib/db';
import type { JobRunner } from '@/lib/jobs/job-runner';
import { seededTenants, seededUser } from '../support/manifest';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

/**
 * Keep-alive without cron: the `keepalive.run` job against a private local cloud (it revokes a
 * user) and an isolated database. Two job runners, as two portal processes would run, trigger
 * the same slot at once: it runs once, redeems each connection once, and records one result and
 * one activity row per connection. lib/ is imported only after the environment points at this
 * file's cloud and database, so its singletons are built for them.
 */
describe('keep-alive job', () => {
  let cloud: PrivateCloud;
  let t: TestDatabase;
  let db: Kysely<Database>;
  const runners: JobRunner[] = [];
  let a: string;
  let b: string;

  beforeAll(async () => {
    cloud = await startPrivateCloud();
    // A schedule that never fires during the test: the steps trigger every run themselves.
    Object.assign(process.env, cloud.env, { LOG_LEVEL: 'silent', KEEPALIVE_SCHEDULE: '0 0 1 1 *' });
    t = await createTestDatabase();
    t.useForLib();
    db = t.db;
    const { connectPartner } = await import('../support/connect-partner');
    a = await connectPartner('partnerA');
    b = await connectPartner('partnerB');
  });
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await t?.drop();
    await cloud?.stop();
  });

  async function startRunners(n: number): Promise<JobRunner[]> {
    const { startJobRunner } = await import('@/lib/jobs/job-runner');
    const { jobs } = await import('@/lib/keepalive/jobs');
    // At once, as two portal processes starting together would.
    runners.push(
      ...(await Promise.all(
        Array.from({ length: n }, () =>
          startJobRunner({ url: t.url, jobs, pollingIntervalSeconds: 0.5 }),
        ),
      )),
    );
    return runners;
  }

  async function waitUntilDone(runner: JobRunner, id: string) {
    for (let i = 0; i < 600; i++) {
      const job = await runner.boss.getJobById('keepalive.run', id, { includeArchive: true });
      if (job?.state === 'completed' || job?.state === 'failed') return job.state;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('keep-alive job did not finish');
  }

  const redemptions = async () =>
    Object.entries(await cloud.control.stats())
      .filter(([k]) => k.includes('/oauth2/v2.0/token') && k.includes('grant_type=refresh_token'))
      .reduce((sum, [, n]) => sum + n, 0);

  test('two runners trigger the same slot at once: it runs once, one redemption and one record per connection', async () => {
    const [r1, r2] = await startRunners(2);
    // Both processes registered the schedule; pg-boss keeps one per job name.
    const schedules = await r1!.boss.getSchedules();
    expect(schedules.filter((s) => s.name === 'keepalive.run')).toEqual([
      expect.objectContaining({ cron: '0 0 1 1 *' }),
    ]);

    await cloud.control.resetStats();
    const ids = await Promise.all([
      r1!.trigger('keepalive.run', {}, { key: 'slot-1' }),
      r2!.trigger('keepalive.run', {}, { key: 'slot-1' }),
    ]);
    const queued = ids.filter((id): id is string => id !== null);
    expect(queued).toHaveLength(1);
    expect(await waitUntilDone(r1!, queued[0]!)).toBe('completed');

    expect(await redemptions()).toBe(2);
    const rotations = await db
      .selectFrom('activity_log')
      .select(['partner_tenant_id', 'result', 'actor_type'])
      .where('kind', '=', 'rotate')
      .execute();
    expect(rotations).toHaveLength(2);
    expect(rotations).toEqual(
      expect.arrayContaining([
        { partner_tenant_id: a, result: 'success', actor_type: 'job' },
        { partner_tenant_id: b, result: 'success', actor_type: 'job' },
      ]),
    );
    const results = await db.selectFrom('keepalive_result').selectAll().execute();
    expect(results.map((r) => [r.partner_tenant_id, r.outcome, r.trigger]).sort()).toEqual(
      [
        [a, 'ok', 'job'],
        [b, 'ok', 'job'],
      ].sort(),
    );
  });

  test('the health card reads the next run and each connection’s last result', async () => {
    const { readKeepaliveStatus } = await import('@/lib/keepalive/keepalive-status');
    const { nextRunAt } = await import('@/lib/jobs');
    const status = await readKeepaliveStatus([a, b]);
    expect(status.nextRunAt).toBe(nextRunAt('0 0 1 1 *').toISOString());
    expect(new Date(status.nextRunAt).getTime()).toBeGreaterThan(Date.now());
    expect(status.last[a]).toMatchObject({ outcome: 'ok', errorCode: null, trigger: 'job' });
    expect(status.last[b]).toMatchObject({ outcome: 'ok', trigger: 'job' });
  });

  test('a revoked connection: the next run records it as needing a person and raises its alert once', async () => {
    await cloud.control.revokeUser(seededUser(seededTenants(cloud.manifest).partnerA, 'admin').upn);
    const [r1] = runners;
    const id = await r1!.trigger('keepalive.run', {}, { key: 'slot-2' });
    expect(await waitUntilDone(r1!, id!)).toBe('completed');

    const last = await db
      .selectFrom('keepalive_result')
      .selectAll()
      .where('partner_tenant_id', '=', a)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ outcome: 'needs_human', error_code: 'AADSTS50173' });
    const failed = await db
      .selectFrom('activity_log')
      .select(['result', 'error_code'])
      .where('kind', '=', 'rotate')
      .where('partner_tenant_id', '=', a)
      .where('result', '=', 'failed')
      .execute();
    expect(failed).toEqual([{ result: 'failed', error_code: 'AADSTS50173' }]);
    // The first run was the baseline (healthy); this one is a transition: one open, announced alert.
    const alerts = await db.selectFrom('alerts_alert').selectAll().execute();
    expect(alerts).toEqual([
      expect.objectContaining({
        partner_tenant_id: a,
        kind: 'revoked',
        announced: true,
        resolved_at: null,
      }),
    ]);
  });
});
