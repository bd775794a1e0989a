/**
 * One instance per Node process. Next bundles route handlers and pages separately (different
 * layers), so a plain module-level `let` would give each its own token cache and single-flight
 * map: a refresh in a route handler would not reach the page's cache, and a cold start would
 * redeem once per layer. Keyed on globalThis with a registered symbol, every bundle shares it.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const registry = globalThis as unknown as Record<symbol, unknown>;
  const symbol = Symbol.for(`partner-portal.${key}`);
  if (!(symbol in registry)) registry[symbol] = create();
  return registry[symbol] as T;
}
