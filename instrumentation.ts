/**
 * Runs once when the portal's server starts (never during `next build`). Checking the
 * configuration here makes a bad environment stop the server at boot with a message naming the
 * variable, instead of failing on the first request. Then the database is migrated and the job
 * runner started in the background (lib/db/start-server-background.ts). The Node-only work lives
 * in its own modules, as Next recommends, so the edge bundle never sees it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { assertConfigAtStartup } = await import('./lib/config/assert-config-at-startup');
    assertConfigAtStartup();
    const { startServerBackground } = await import('./lib/db/start-server-background');
    startServerBackground();
  }
}
