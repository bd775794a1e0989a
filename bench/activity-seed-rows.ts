/**
 * Fills the activity log with `count` rows directly (a year of a large fleet's events, without
 * living through it), so the bench can time the Activity page as the database query it is:
 *   node --import tsx --conditions=react-server bench/activity-seed-rows.ts <partner-tenant-id> <count>
 * Half the rows are about <partner> (its admin's page), the rest spread over 500 other partners;
 * one row in eight is a CSV export (customer-level, hidden from the operator).
 */
import { sql } from 'kysely';
import { createDatabase } from '@/lib/db/create-database';
import { migrateToLatest } from '@/lib/db/migrate';

async function main(): Promise<void> {
  const [partner, countText] = process.argv.slice(2);
  const count = Number(countText);
  if (!partner || !Number.isInteger(count) || count < 1)
    throw new Error('usage: <partner> <count>');
  const { db } = createDatabase(process.env.DATABASE_URL!, { max: 2 });
  await migrateToLatest(db);
  // One row every five minutes back from now: 100,000 rows span about 347 days (within retention).
  await sql`
    insert into activity_log (at, kind, result, partner_tenant_id, actor_type, actor_upn,
      actor_oid, actor_tenant_id, error_code, correlation_id, audience)
    select now() - i * interval '5 minutes',
      k.kind,
      (array['success', 'success', 'success', 'failed', 'refused'])[1 + i % 5],
      t.tenant,
      case when i % 4 = 0 then 'user' else (array['job', 'portal', 'console'])[1 + i % 3] end,
      case when i % 4 = 0 then 'admin' || (i % 50) || '@bench.example' end,
      case when i % 4 = 0 then gen_random_uuid() end,
      case when i % 4 = 0 then t.tenant end,
      case when i % 5 = 3 then 'AADSTS700082' when i % 5 = 4 then 'mfa_missing' end,
      gen_random_uuid()::text,
      case when k.kind = 'csv_export' then 'customer' else 'partner' end
    from generate_series(1, ${count}::int) as i,
      lateral (select (array['connect', 'rotate', 'check', 'rotate', 'rotate', 'alert_sent',
        'csv_export', 'disconnect'])[1 + i % 8] as kind) k,
      lateral (select case when i % 2 = 0 then ${partner}::uuid
        else ('00000000-0000-4000-8000-' || lpad(to_hex(i % 500), 12, '0'))::uuid end as tenant) t
  `.execute(db);
  await sql`analyze activity_log`.execute(db);
  await db.destroy();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
