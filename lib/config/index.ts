import 'server-only';
import { parseConfig } from './load-config';
import type { Env } from './schema';

export { ConfigError, parseConfig } from './load-config';
export type { Env } from './schema';

let cached: Env | undefined;

/**
 * The portal's configuration, parsed once from process.env. Parsing is lazy so that
 * `next build` does not need runtime secrets; `instrumentation.ts` calls it at server start
 * so a bad environment still fails fast, naming the variable.
 */
export function getConfig(): Env {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Test hook: forget the parsed configuration so a changed process.env is read again. */
export function resetConfigForTests(): void {
  cached = undefined;
}
