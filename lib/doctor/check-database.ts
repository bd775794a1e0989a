import 'server-only';
import { sql } from 'kysely';
import type { Env } from '@/lib/config/schema';
import { createDatabase } from '@/lib/db/create-database';
import { isDatabaseUnreachable } from '@/lib/db/database-error';
import { readMigrationState } from '@/lib/db/migrate';
import { nextRunAt } from '@/lib/jobs/next-run';
import { loadRegisteredJobs } from '@/lib/jobs/registered-jobs';
import { fail, ok, skipped, warn, type CheckResult } from './check-result';
import { describeError } from './describe-error';

/** Host and port only: DATABASE_URL carries a password. */
function where(config: Env): string {
  const u = new URL(config.DATABASE_URL);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

function connectFix(e: unknown, config: Env): string {
  const code = (e as { code?: string }).code ?? '';
  if (code === '28P01' || code === '28000')
    return 'the user or password in DATABASE_URL was refused: check them (Entra auth: the token user and the role name must match; docs/deploy-azure.md, "Database")';
  if (code === '3D000')
    return `create the database named in DATABASE_URL (${new URL(config.DATABASE_URL).pathname.slice(1)}) with the migration role`;
  if (/certificate|self[- ]signed|SSL|TLS/i.test(String((e as Error).message)))
    return "TLS failed: with sslmode=verify-full, trust the server CA (NODE_EXTRA_CA_CERTS) and use the server's own host name";
  if (isDatabaseUnreachable(e))
    return `nothing answered at ${where(config)}: check DATABASE_URL's host and port (the direct port 5432, not a pooler's 6432) and the server's firewall; locally, start the portal with \`npm run demo\`, which starts the embedded database`;
  return 'see the message; docs/deploy-azure.md, "Database"';
}

/**
 * The database: reachable with DATABASE_URL, migrated to what this build expects, and the job
 * runner's schedule in place (pg-boss's tables exist and every cron job is scheduled).
 */
export async function checkDatabase(config: Env): Promise<CheckResult[]> {
  const { db } = createDatabase(config.DATABASE_URL, {
    max: 1,
    applicationName: 'partner-portal-doctor',
  });
  try {
    let version: string;
    try {
      const { rows } = await sql<{
        v: string;
      }>`select current_setting('server_version') as v`.execute(db);
      version = rows[0]!.v;
    } catch (e) {
      return [
        fail(
          'database',
          `cannot connect to ${where(config)}: ${describeError(e)}`,
          connectFix(e, config),
        ),
        skipped('database:migrations', 'database'),
        skipped('database:jobs', 'database'),
      ];
    }
    const results = [ok('database', `PostgreSQL ${version} at ${where(config)}`)];

    const state = await readMigrationState(db);
    results.push(
      state.unknown.length
        ? fail(
            'database:migrations',
            `the database has migrations this build does not know (${state.unknown.join(', ')}): a newer portal version migrated it`,
            'deploy the newer portal version (never run an older build against a newer schema)',
          )
        : state.pending.length
          ? fail(
              'database:migrations',
              `${state.pending.length} pending: ${state.pending.join(', ')}`,
              'start the portal once: it migrates at start under a lock (with the migration role, docs/deploy-azure.md)',
            )
          : ok('database:migrations', `up to date (${state.applied.length} applied)`),
    );

    const jobs = (await loadRegisteredJobs()).filter((j) => j.cron);
    const schema = await sql<{ n: string }>`
      select count(*) as n from information_schema.tables where table_schema = 'pgboss' and table_name = 'schedule'`.execute(
      db,
    );
    if (Number(schema.rows[0]!.n) === 0) {
      results.push(
        warn(
          'database:jobs',
          'the job runner has not started yet (no pgboss schema)',
          'start the portal: it starts the job runner after migrating; scheduled jobs (keep-alive, pruning) run only then',
        ),
      );
      return results;
    }
    const { rows } = await sql<{
      name: string;
      cron: string;
    }>`select name, cron from pgboss.schedule`.execute(db);
    const scheduled = new Map(rows.map((r) => [r.name, r.cron]));
    const missing = jobs.filter((j) => !scheduled.has(j.name));
    results.push(
      missing.length
        ? warn(
            'database:jobs',
            `not scheduled: ${missing.map((j) => j.name).join(', ')}`,
            'restart the portal with this version: each process registers the schedules at start',
          )
        : ok(
            'database:jobs',
            jobs
              .map((j) => `${j.name} next ${nextRunAt(scheduled.get(j.name)!).toISOString()}`)
              .join('; ') || 'no scheduled jobs',
          ),
    );
    return results;
  } catch (e) {
    return [fail('database', describeError(e), connectFix(e, config))];
  } finally {
    await db.destroy();
  }
}
