/**
 * Runs once when the portal's server starts. Parsing the configuration here makes a bad
 * environment stop the server at boot with a message naming the variable, instead of failing
 * on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig, ConfigError } = await import('./lib/config');
  try {
    getConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}
