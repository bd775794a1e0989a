/** Stops the database server the fleet stage's global setup started. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __fleetDatabaseStop?: () => Promise<void> }).__fleetDatabaseStop?.();
}
