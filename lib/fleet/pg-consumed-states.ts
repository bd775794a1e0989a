import type { ConsumedStates } from '@/lib/connect/consumed-states';
import type { SqlPool } from './sql-pool';

/**
 * Used connect states in `fleet_connect_states`, shared by every instance. `consume` is one
 * INSERT … ON CONFLICT DO NOTHING, so of two instances racing on the same state exactly one
 * wins; expired rows are swept by the same statement.
 */
export function createPgConsumedStates(pool: SqlPool): ConsumedStates {
  return {
    async wasConsumed(stateHash, now = Date.now()) {
      const { rowCount } = await pool.query(
        'SELECT 1 FROM fleet_connect_states WHERE state_hash = $1 AND expires_at > $2',
        [stateHash, now],
      );
      return (rowCount ?? 0) > 0;
    },
    async consume(stateHash, ttlMs, now = Date.now()) {
      const { rowCount } = await pool.query(
        `WITH swept AS (
           DELETE FROM fleet_connect_states WHERE expires_at <= $2 AND state_hash <> $1)
         INSERT INTO fleet_connect_states (state_hash, expires_at) VALUES ($1, $3)
         ON CONFLICT (state_hash) DO NOTHING
         RETURNING 1`,
        [stateHash, now, now + ttlMs],
      );
      return (rowCount ?? 0) > 0;
    },
  };
}
