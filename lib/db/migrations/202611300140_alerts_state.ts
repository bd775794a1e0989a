import { sql, type Kysely } from 'kysely';

/**
 * lib/alerts' tables. No webhook URL or secret is ever stored here (Key Vault holds them):
 * - `alerts_connection_state`: the last health the alert rules saw per connection, so a
 *   transition is detected once, across restarts and across every portal process;
 * - `alerts_alert`: alerts, open until resolved; at most one open per connection (a partial
 *   unique index), which is what makes an alert one message and never a stream;
 * - `alerts_delivery`: every webhook delivery, its attempts and outcome.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const kinds = sql`('revoked', 'expired', 'mfa_missing', 'failing', 'expiring')`;
  await db.schema
    .createTable('alerts_connection_state')
    .addColumn('partner_tenant_id', 'uuid', (c) => c.primaryKey())
    .addColumn('condition', 'text', (c) => c.check(sql`condition in ${kinds}`))
    .addColumn('health_status', 'text', (c) => c.notNull())
    .addColumn('days_left', 'integer', (c) => c.notNull())
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('observed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('alerts_alert')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('partner_tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${kinds}`))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolution', 'text', (c) =>
      c.check(sql`resolution in ('healthy', 'replaced', 'disconnected')`),
    )
    // false: already the state when first seen, so listed on the pages but never announced.
    .addColumn('announced', 'boolean', (c) => c.notNull())
    .addColumn('days_left', 'integer')
    .addColumn('advice_code', 'text')
    .execute();
  await sql`create unique index alerts_alert_one_open on alerts_alert (partner_tenant_id) where resolved_at is null`.execute(
    db,
  );
  await db.schema
    .createIndex('alerts_alert_tenant_opened')
    .on('alerts_alert')
    .columns(['partner_tenant_id', 'opened_at desc'])
    .execute();

  await db.schema
    .createTable('alerts_delivery')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('alert_id', 'bigint', (c) => c.references('alerts_alert.id').onDelete('cascade'))
    .addColumn('partner_tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('event', 'text', (c) =>
      c.notNull().check(sql`event in ('alert.fired', 'alert.resolved', 'alert.test')`),
    )
    .addColumn('target', 'text', (c) => c.notNull().check(sql`target in ('operator', 'tenant')`))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'delivered', 'failed', 'refused')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_http_status', 'integer')
    .addColumn('last_error_code', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('delivered_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('alerts_delivery_tenant_created')
    .on('alerts_delivery')
    .columns(['partner_tenant_id', 'created_at desc'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alerts_delivery').ifExists().execute();
  await db.schema.dropTable('alerts_alert').ifExists().execute();
  await db.schema.dropTable('alerts_connection_state').ifExists().execute();
}
