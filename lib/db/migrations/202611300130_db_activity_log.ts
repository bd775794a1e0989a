import { sql, type Kysely } from 'kysely';

/**
 * The activity log: one row per event that changes or tests a connection. Append-only: a trigger
 * refuses UPDATE and TRUNCATE always, and DELETE unless the transaction set
 * `portal.activity_prune` (only `activity_prune()`, the retention job's function, does). The
 * deploy guide grants the runtime role SELECT and INSERT only, plus EXECUTE on that function.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activity_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) =>
      c.notNull().check(sql`result in ('success', 'refused', 'failed')`),
    )
    .addColumn('partner_tenant_id', 'uuid')
    .addColumn('actor_type', 'text', (c) =>
      c.notNull().check(sql`actor_type in ('user', 'job', 'console', 'anonymous')`),
    )
    .addColumn('actor_upn', 'text')
    .addColumn('actor_oid', 'uuid')
    .addColumn('actor_tenant_id', 'uuid')
    .addColumn('error_code', 'text')
    .addColumn('correlation_id', 'text')
    .addColumn('audience', 'text', (c) =>
      c
        .notNull()
        .defaultTo('partner')
        .check(sql`audience in ('partner', 'customer')`),
    )
    .execute();
  // Newest first, per partner (an admin's page) and across partners (the operator's).
  await db.schema
    .createIndex('activity_log_partner_at')
    .on('activity_log')
    .columns(['partner_tenant_id', 'at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('activity_log_at')
    .on('activity_log')
    .columns(['at desc', 'id desc'])
    .execute();

  await sql`
    create function activity_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('portal.activity_prune', true) = 'on' then
        return old;
      end if;
      raise exception 'activity_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger activity_log_append_only before update or delete on activity_log
    for each row execute function activity_log_append_only()`.execute(db);
  await sql`
    create trigger activity_log_no_truncate before truncate on activity_log
    for each statement execute function activity_log_append_only()`.execute(db);
  await sql`
    create function activity_prune(keep_days integer) returns bigint
    language plpgsql security definer set search_path = public as $$
    declare removed bigint;
    begin
      if keep_days is null or keep_days < 1 then
        raise exception 'keep_days must be at least 1';
      end if;
      perform set_config('portal.activity_prune', 'on', true);
      delete from activity_log where at < now() - make_interval(days => keep_days);
      get diagnostics removed = row_count;
      perform set_config('portal.activity_prune', 'off', true);
      return removed;
    end $$`.execute(db);
  // A partner that leaves: its admins' and its own rows go (run with the migration role; see
  // docs/deploy-azure.md, "Erasing a partner's activity").
  await sql`
    create function activity_erase_partner(tenant uuid) returns bigint
    language plpgsql security definer set search_path = public as $$
    declare removed bigint;
    begin
      perform set_config('portal.activity_prune', 'on', true);
      delete from activity_log where partner_tenant_id = tenant or actor_tenant_id = tenant;
      get diagnostics removed = row_count;
      perform set_config('portal.activity_prune', 'off', true);
      return removed;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists activity_erase_partner(uuid)`.execute(db);
  await sql`drop function if exists activity_prune(integer)`.execute(db);
  await db.schema.dropTable('activity_log').ifExists().execute();
  await sql`drop function if exists activity_log_append_only()`.execute(db);
}
