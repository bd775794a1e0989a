import { sql, type Kysely } from 'kysely';

/**
 * What portal instances share to act as one (lib/fleet). Times are milliseconds since the epoch
 * as the portal's clock gives them, so every comparison uses one clock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Access tokens, sealed (AES-256-GCM); never refresh tokens, which stay in Key Vault.
  await sql`
    CREATE TABLE fleet_access_tokens (
      cache_key text COLLATE "C" PRIMARY KEY,
      key_id text NOT NULL,
      sealed bytea NOT NULL,
      expires_at bigint NOT NULL,
      stale_at bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX fleet_access_tokens_stale_at ON fleet_access_tokens (stale_at)`.execute(
    db,
  );

  // Connect states already used (their SHA-256), until the state cookie could no longer be read.
  await sql`
    CREATE TABLE fleet_connect_states (
      state_hash text PRIMARY KEY,
      expires_at bigint NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX fleet_connect_states_expires_at ON fleet_connect_states (expires_at)`.execute(
    db,
  );

  // Shared request budgets (lib/budget's sliding window), one row per scope.
  await sql`
    CREATE TABLE fleet_budgets (
      scope text PRIMARY KEY,
      window_start bigint NOT NULL DEFAULT 0,
      used integer NOT NULL DEFAULT 0,
      previous_used integer NOT NULL DEFAULT 0,
      blocked_until bigint NOT NULL DEFAULT 0,
      strikes integer NOT NULL DEFAULT 0,
      last_strike_at bigint NOT NULL DEFAULT 0
    )`.execute(db);

  // Per partner tenant: whether its connection may serve data, and a generation that every
  // connect, disconnect and dead grant bumps, so every instance drops what it holds at once.
  await sql`
    CREATE TABLE fleet_tenant_state (
      partner_tenant_id text PRIMARY KEY,
      status text NOT NULL CHECK (status IN ('connected', 'disconnected', 'needs_reconnect')),
      generation bigint NOT NULL DEFAULT 1,
      changed_at bigint NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'fleet_tenant_state',
    'fleet_budgets',
    'fleet_connect_states',
    'fleet_access_tokens',
  ])
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
}
