import { sql, type Kysely } from 'kysely';

/**
 * When a customer's GDAP entered the expiry window, as the sync saw it: the time of the pass that
 * saw a change put it there (its auto-extend turned off, its end date moved nearer, a relationship
 * already near its end appeared), or its end date minus the window when time alone brought it
 * there; null outside the window. The daily digest reports GDAP that entered the window since the
 * last digest; before this column it knew only the second case, so a change made after the first
 * full pass (the baseline) was never news.
 *
 * Existing rows stay null: the digest then takes the end date minus the window, as before, so
 * rows already in the window when this runs are not announced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table access_customers add column expiry_window_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table access_customers drop column expiry_window_at`.execute(db);
}
