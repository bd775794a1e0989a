import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { migrationFiles } from './migrations';

/** Migrations and the migrator work on any schema (Kysely's own convention for migrations). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDatabase = Kysely<any>;

const provider: MigrationProvider = {
  getMigrations: async () => Object.fromEntries(migrationFiles),
};

/** Kysely's migrator: applies each pending migration in its own transaction under its advisory lock. */
export function createMigrator(db: AnyDatabase): Migrator {
  return new Migrator({ db, provider });
}

export interface MigrationState {
  applied: string[];
  pending: string[];
  /** Applied in this database but unknown to this build (a newer portal migrated it). */
  unknown: string[];
}

/** Which migrations this build knows, and which the database has applied. Reads only. */
export async function readMigrationState(db: AnyDatabase): Promise<MigrationState> {
  const known = await createMigrator(db).getMigrations();
  const knownNames = new Set(known.map((m) => m.name));
  const appliedRows = await db
    .selectFrom('kysely_migration' as never)
    .select('name' as never)
    .execute()
    .catch((e: unknown) => {
      // 42P01: no migration table yet, i.e. an empty database.
      if ((e as { code?: string }).code === '42P01') return [];
      throw e;
    });
  const applied = (appliedRows as Array<{ name: string }>).map((r) => r.name);
  return {
    applied,
    pending: known.filter((m) => !m.executedAt).map((m) => m.name),
    unknown: applied.filter((n) => !knownNames.has(n)),
  };
}

/**
 * Brings the database up to date. Safe to call from several processes at once: Kysely takes a
 * session advisory lock, and a second caller finds nothing left to do.
 */
export async function migrateToLatest(db: AnyDatabase): Promise<string[]> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
