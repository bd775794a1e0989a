import { sql, type Kysely } from 'kysely';

/**
 * Every change to a partner's shared tenant state or customer-directory sync row is announced on
 * the `portal_fleet_changes` channel (NOTIFY is sent at commit, so never for a rolled-back
 * write), payload `<table>:<partner tenant id>`; a TRUNCATE announces `<table>:*`. Instances
 * listen (lib/fleet/fleet-change-feed.ts) and keep what they read of those rows until told it
 * changed, instead of reading them on every request. Triggers, so that every writer is covered,
 * including SQL run by hand.
 */
const TABLES = ['fleet_tenant_state', 'customer_directory_sync'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION fleet_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_LEVEL = 'STATEMENT' THEN
        PERFORM pg_notify('portal_fleet_changes', TG_TABLE_NAME || ':*');
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('portal_fleet_changes', TG_TABLE_NAME || ':' || OLD.partner_tenant_id);
      ELSE
        PERFORM pg_notify('portal_fleet_changes', TG_TABLE_NAME || ':' || NEW.partner_tenant_id);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  for (const table of TABLES) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_notify`)}
      AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION fleet_notify_change()`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_notify_truncate`)}
      AFTER TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION fleet_notify_change()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_notify`)} ON ${sql.table(table)}`.execute(
      db,
    );
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_notify_truncate`)} ON ${sql.table(table)}`.execute(
      db,
    );
  }
  await sql`DROP FUNCTION IF EXISTS fleet_notify_change()`.execute(db);
}
