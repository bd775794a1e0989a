import { sql, type Kysely } from 'kysely';

/**
 * The shared customer directory's rows are isolated by row-level security, as the access rows are
 * (202611300200_access_customers): lib/fleet/pg-customer-directory.ts reads and writes them in a
 * transaction as the role `portal_directory_tenant` (SET LOCAL ROLE, which binds even a superuser)
 * with `portal.partner_tenant_id` set for that transaction only. A query that forgets to scope
 * itself sees no partner's customers and can write none. FORCE makes the policy bind the tables'
 * owner too, the role the portal connects as on a managed server.
 *
 * The sync rows (`customer_directory_sync`: generation, status, counts) hold no customer data and
 * are read on every dashboard request, so they stay outside the policy; the role may update them
 * because a page of rows and its count are written in one statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'portal_directory_tenant') then
        create role portal_directory_tenant nologin;
      end if;
    end $$`.execute(db);
  // The connecting role may switch to it (a superuser may anyway; a managed server's admin needs it).
  await sql`grant portal_directory_tenant to current_user`.execute(db);
  await sql`grant select, insert, update, delete on customer_directory to portal_directory_tenant`.execute(
    db,
  );
  await sql`grant usage on sequence customer_directory_seq_seq to portal_directory_tenant`.execute(
    db,
  );
  await sql`grant select, update on customer_directory_sync to portal_directory_tenant`.execute(db);
  await sql`alter table customer_directory enable row level security`.execute(db);
  await sql`alter table customer_directory force row level security`.execute(db);
  await sql`
    create policy customer_directory_partner on customer_directory
    using (partner_tenant_id = nullif(current_setting('portal.partner_tenant_id', true), ''))
    with check (partner_tenant_id = nullif(current_setting('portal.partner_tenant_id', true), ''))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop policy if exists customer_directory_partner on customer_directory`.execute(db);
  await sql`alter table customer_directory no force row level security`.execute(db);
  await sql`alter table customer_directory disable row level security`.execute(db);
}
