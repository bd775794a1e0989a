/** Stops the portal, the local cloud and the database the global setup started. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __securityStop?: () => Promise<void> }).__securityStop?.();
}
