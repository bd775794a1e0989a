import { sql, type Kysely } from 'kysely';

/**
 * The customer directory every portal instance shares (lib/fleet/pg-customer-directory.ts): one
 * row per (partner tenant, customer tenant), the key the access view joins on, and one sync row
 * per partner tenant for the load that fills it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE customer_directory (
      partner_tenant_id text NOT NULL,
      customer_tenant_id text NOT NULL,
      company_name text NOT NULL,
      domain text NOT NULL,
      relationship text NOT NULL,
      generation bigint NOT NULL,
      seq bigserial NOT NULL,
      PRIMARY KEY (partner_tenant_id, customer_tenant_id)
    )`.execute(db);
  // Followers read a load's rows in the order they were stored.
  await sql`CREATE INDEX customer_directory_load ON customer_directory (partner_tenant_id, generation, seq)`.execute(
    db,
  );
  await sql`
    CREATE TABLE customer_directory_sync (
      partner_tenant_id text PRIMARY KEY,
      generation bigint NOT NULL,
      status text NOT NULL CHECK (status IN ('loading', 'complete', 'error')),
      pages integer NOT NULL DEFAULT 0,
      loaded integer NOT NULL DEFAULT 0,
      started_at bigint NOT NULL,
      completed_at bigint,
      error_code text,
      error_message text
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS customer_directory_sync`.execute(db);
  await sql`DROP TABLE IF EXISTS customer_directory`.execute(db);
}
