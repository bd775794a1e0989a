import { createTestDatabase, type TestDatabase } from './test-database';

// lib/ keeps fleet-wide state in PostgreSQL (the used connect states, each partner's connection
// state, shared tokens, budgets, the customer directory), so every integration file that runs
// lib/ in process gets its own migrated database, as a portal server migrates its own at start.
// Files then never see each other's rows (a disconnect in one file cannot refuse another's
// customers). A file that needs another database still calls createTestDatabase() itself.
let database: TestDatabase | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.useForLib();
});

afterAll(async () => {
  await database?.drop();
});
