import { Client } from 'pg';

/**
 * Forgets every request budget the fleet shares in PostgreSQL (fleet_budgets), as
 * `control.reset()` forgets the emulator's faults. A 429 with a long Retry-After blocks the
 * tenant's Partner Center calls on every instance until it passes (the portal honours it, by
 * design), so a fault test that injects one must clear it, or the next spec of the same tenant
 * would meet the block.
 */
export async function resetSharedBudgets(databaseUrl = process.env.DATABASE_URL): Promise<void> {
  if (!databaseUrl)
    throw new Error('DATABASE_URL is not set: run through scripts/with-emulator.ts');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DELETE FROM fleet_budgets');
  } finally {
    await client.end();
  }
}
