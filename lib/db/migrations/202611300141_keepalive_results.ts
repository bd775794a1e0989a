import { sql, type Kysely } from 'kysely';

/**
 * lib/keepalive's last result per connection, for the health card ("last keep-alive: ok at …").
 * One row per partner tenant, overwritten by each run (the history is in the activity log).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('keepalive_result')
    .addColumn('partner_tenant_id', 'uuid', (c) => c.primaryKey())
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('ok', 'needs_human', 'failed')`),
    )
    .addColumn('error_code', 'text')
    .addColumn('days_left', 'integer')
    .addColumn('trigger', 'text', (c) => c.notNull().check(sql`trigger in ('job', 'console')`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('keepalive_result').ifExists().execute();
}
