import { sql, type Kysely } from 'kysely';

/**
 * The access view's rows (one per customer of a partner, plus relationships whose customer is
 * not in the directory) and each partner's sync progress.
 *
 * Tenant isolation by mechanism: both tables have row-level security, FORCED (so it binds the
 * owner too), with a policy that shows and accepts only rows of the partner tenant named in the
 * transaction setting `portal.partner_tenant_id`. The repository runs every query as the role
 * `portal_access_tenant` (SET LOCAL ROLE, which also binds a superuser: RLS never applies to
 * one), with that setting made local to the transaction. A query that forgets to scope itself
 * sees no rows and can write none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A consent grant or removal names its customer and the connected account whose GDAP rights
  // Partner Center used, beside the clicking admin (the actor).
  await db.schema
    .alterTable('activity_log')
    .addColumn('customer_tenant_id', 'uuid')
    .addColumn('via_upn', 'text')
    .execute();
  await db.schema
    .createTable('access_customers')
    .addColumn('partner_tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('customer_tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('domain', 'text')
    .addColumn('in_directory', 'boolean', (c) => c.notNull())
    .addColumn('access', 'text', (c) =>
      c.notNull().check(sql`access in ('gdap', 'pending', 'none', 'unknown')`),
    )
    .addColumn('relationships', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('end_date', 'timestamptz')
    .addColumn('auto_extend', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('global_admin', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('consent', 'text', (c) =>
      c
        .notNull()
        .defaultTo('unknown')
        .check(sql`consent in ('granted', 'partial', 'missing', 'unknown', 'error')`),
    )
    .addColumn('missing_scopes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_title', 'text')
    .addColumn('last_error_fix', 'text')
    .addColumn('last_error_at', 'timestamptz')
    // When a check found the consent gone that an earlier check had seen granted (the digest).
    .addColumn('consent_lost_at', 'timestamptz')
    .addColumn('checked_at', 'timestamptz')
    .addColumn('next_check_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('access_customers_pk', ['partner_tenant_id', 'customer_tenant_id'])
    .execute();
  // The sync's "stalest first" and the view's sorts, always within one partner.
  await db.schema
    .createIndex('access_customers_due')
    .on('access_customers')
    .columns(['partner_tenant_id', 'next_check_at', 'customer_tenant_id'])
    .execute();
  await db.schema
    .createIndex('access_customers_name')
    .on('access_customers')
    .expression(sql`partner_tenant_id, lower(name), customer_tenant_id`)
    .execute();
  await db.schema
    .createIndex('access_customers_end')
    .on('access_customers')
    .columns(['partner_tenant_id', 'end_date', 'customer_tenant_id'])
    .execute();

  await db.schema
    .createTable('access_sync_state')
    .addColumn('partner_tenant_id', 'uuid', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('idle')
        .check(sql`status in ('idle', 'running', 'failed')`),
    )
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('last_full_pass_at', 'timestamptz')
    // The first full pass: states known then are the baseline, never alerted (the digest).
    .addColumn('baseline_at', 'timestamptz')
    .addColumn('last_digest_at', 'timestamptz')
    .addColumn('relationships_at', 'timestamptz')
    .addColumn('relationship_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('relationships_empty', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('checked_in_run', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at_start', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('error_title', 'text')
    .addColumn('error_fix', 'text')
    .addColumn('error_at', 'timestamptz')
    // The "grant all missing" job's progress (one per partner at a time).
    .addColumn('grant_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('idle')
        .check(sql`grant_status in ('idle', 'running', 'done')`),
    )
    .addColumn('grant_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('grant_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('grant_failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('grant_started_at', 'timestamptz')
    .addColumn('grant_finished_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await sql`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'portal_access_tenant') then
        create role portal_access_tenant nologin;
      end if;
    end $$`.execute(db);
  // The connecting role may switch to it (a superuser may anyway; a managed server's admin needs it).
  await sql`grant portal_access_tenant to current_user`.execute(db);
  for (const table of ['access_customers', 'access_sync_state']) {
    await sql`grant select, insert, update, delete on ${sql.table(table)} to portal_access_tenant`.execute(
      db,
    );
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`
      create policy ${sql.id(`${table}_partner`)} on ${sql.table(table)}
      using (partner_tenant_id = nullif(current_setting('portal.partner_tenant_id', true), '')::uuid)
      with check (partner_tenant_id = nullif(current_setting('portal.partner_tenant_id', true), '')::uuid)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('access_sync_state').ifExists().execute();
  await db.schema.dropTable('access_customers').ifExists().execute();
  await db.schema
    .alterTable('activity_log')
    .dropColumn('via_upn')
    .dropColumn('customer_tenant_id')
    .execute();
}
