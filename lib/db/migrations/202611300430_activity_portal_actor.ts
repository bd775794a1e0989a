import { sql, type Kysely } from 'kysely';

/**
 * The activity log's actors gain `portal`: the portal itself while serving a request (the token
 * broker's write-behind rotation, and a dead grant it finds). A rotation by request has no single
 * user author: the broker is shared by every request of the partner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table activity_log drop constraint if exists activity_log_actor_type_check`.execute(
    db,
  );
  await sql`alter table activity_log add constraint activity_log_actor_type_check
    check (actor_type in ('user', 'job', 'console', 'anonymous', 'portal'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table activity_log drop constraint if exists activity_log_actor_type_check`.execute(
    db,
  );
  await sql`alter table activity_log add constraint activity_log_actor_type_check
    check (actor_type in ('user', 'job', 'console', 'anonymous'))`.execute(db);
}
