import { sql } from 'kysely';
import { createMigrator, migrateToLatest, readMigrationState } from '@/lib/db/migrate';
import { migrationFiles } from '@/lib/db/migrations';
import { createDatabase } from '@/lib/db/create-database';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('migrations against the embedded PostgreSQL', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ migrate: false });
  });
  afterAll(() => t.drop());

  it('run from an empty database, then again with nothing left to do', async () => {
    const before = await readMigrationState(t.db);
    expect(before.applied).toEqual([]);
    expect(before.pending).toEqual(migrationFiles.map(([n]) => n));

    expect(await migrateToLatest(t.db)).toEqual(migrationFiles.map(([n]) => n));
    expect(await migrateToLatest(t.db)).toEqual([]);

    const after = await readMigrationState(t.db);
    expect(after).toEqual({ applied: migrationFiles.map(([n]) => n), pending: [], unknown: [] });
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public'`.execute(t.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['activity_log', 'kysely_migration', 'kysely_migration_lock']),
    );
  });

  it('serialise concurrent migrators from several processes under the advisory lock', async () => {
    const fresh = await createTestDatabase({ migrate: false });
    // Separate pools = separate sessions, as separate portal processes would have.
    const conns = [1, 2, 3].map(() => createDatabase(fresh.url, { max: 2 }));
    try {
      const results = await Promise.all(conns.map((c) => migrateToLatest(c.db)));
      // Exactly one of them applied each migration; the others found nothing to do.
      expect(results.flat().sort()).toEqual(migrationFiles.map(([n]) => n).sort());
      expect((await readMigrationState(fresh.db)).pending).toEqual([]);
    } finally {
      await Promise.all(conns.map((c) => c.db.destroy()));
      await fresh.drop();
    }
  });

  it('report a database migrated by a newer build as having unknown migrations', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('209912312359_future_thing', now()::text)`.execute(
      t.db,
    );
    expect((await readMigrationState(t.db)).unknown).toEqual(['209912312359_future_thing']);
    // Kysely refuses to run against it rather than guessing.
    const { error } = await createMigrator(t.db).migrateToLatest();
    expect(String(error)).toMatch(/209912312359_future_thing/);
  });
});
