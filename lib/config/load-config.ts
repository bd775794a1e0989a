import { envSchema, type Env } from './schema';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Parses an environment into the typed configuration. Empty strings count as unset, so
 * `FOO=` in a .env file fails the same way a missing variable does.
 */
export function parseConfig(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => {
        const name = i.path.join('.') || '(env)';
        const unset = i.code === 'invalid_type' && cleaned[name] === undefined;
        return `${name}: ${unset ? 'is not set (see .env.example)' : i.message}`;
      }),
    );
  }
  return result.data;
}
