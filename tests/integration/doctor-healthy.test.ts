import { startJobRunner } from '@/lib/jobs/job-runner';
import { loadRegisteredJobs } from '@/lib/jobs/registered-jobs';
import { seededTenants } from '../support/manifest';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';
import { runTsx } from '../support/run-process';
import { runDoctor, statuses } from './run-doctor';

jest.setTimeout(180_000);

describe('npm run doctor against a healthy local cloud', () => {
  let pc: PrivateCloud;
  beforeAll(async () => {
    pc = await startPrivateCloud();
    // As a portal process does at start: register the job runner's queues and schedules.
    // Schedules only, as a portal process leaves them: this file never runs a job.
    const runner = await startJobRunner({
      url: pc.database.url,
      jobs: await loadRegisteredJobs(),
      work: false,
    });
    await runner.stop();
  });
  afterAll(() => pc?.stop());

  it('is all ok before any partner has connected, and exits 0', async () => {
    const run = await runDoctor(pc.env);
    expect(statuses(run)).toEqual({
      env: 'ok',
      discovery: 'ok',
      'client-credential': 'ok',
      'redirect-uri:connect': 'ok',
      'redirect-uri:sign-in': 'ok',
      database: 'ok',
      'database:migrations': 'ok',
      'database:jobs': 'ok',
      'key-vault': 'ok',
      connections: 'ok',
    });
    expect(run.stdout).toContain('10 ok, 0 warn, 0 fail');
    expect(run.lines.get('database:jobs')?.text).toMatch(/activity\.prune next \d{4}-/);
    expect(run.code).toBe(0);
  });

  it('after a partner connects, reads its token and gets an answer from Partner Center', async () => {
    const partnerA = seededTenants(pc.manifest).partnerA.id;
    const connect = await runTsx(['tests/support/connect-partner.ts', 'partnerA'], {
      ...pc.env,
      LOG_LEVEL: 'warn',
    });
    expect({ code: connect.code, stderr: connect.stderr, stdout: connect.stdout.trim() }).toEqual({
      code: 0,
      stderr: '',
      stdout: partnerA,
    });

    const run = await runDoctor(pc.env);
    expect(run.code).toBe(0);
    expect(run.lines.get('connections')?.text).toContain('1 partner tenant(s) connected');
    expect(run.lines.get(`token:${partnerA}`)?.status).toBe('ok');
    expect(run.lines.get(`partner-center:${partnerA}`)?.status).toBe('ok');
    // The connect flow asked for Graph's GDAP permission too, so the access view can read GDAP.
    expect(run.lines.get(`graph-gdap:${partnerA}`)?.status).toBe('ok');
    expect([...run.lines.values()].every((l) => l.status === 'ok')).toBe(true);
  });

  it('never prints a secret: not the client secret, nor a token', async () => {
    const run = await runDoctor(pc.env);
    const out = run.stdout + run.stderr;
    expect(out).not.toContain(pc.env.ENTRA_CLIENT_SECRET!);
    expect(out).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\./);
  });
});
