/**
 * Runs once when the portal's server starts. Checking the configuration here makes a bad
 * environment stop the server at boot with a message naming the variable, instead of failing
 * on the first request. The Node-only work lives in its own module, as Next recommends, so the
 * edge bundle never sees it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { assertConfigAtStartup } = await import('./lib/config/assert-config-at-startup');
    assertConfigAtStartup();
  }
}
