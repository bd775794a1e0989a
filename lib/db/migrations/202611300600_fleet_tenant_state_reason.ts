import { sql, type Kysely } from 'kysely';

/**
 * A dead grant's code (e.g. AADSTS50173) kept beside the shared `needs_reconnect` state, so an
 * instance that learns of the dead grant from the database shows the same advice as the one that
 * met it, not a bare "needs to be renewed".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table fleet_tenant_state add column reason_code text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table fleet_tenant_state drop column reason_code`.execute(db);
}
