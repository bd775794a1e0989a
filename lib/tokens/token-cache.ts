/**
 * Where access tokens wait between requests. One process keeps them in memory; several portal
 * instances share them through PostgreSQL, sealed with AES-256-GCM (lib/fleet's shared cache,
 * layered under this memory one). Implementations never write a token in the clear to disk or logs.
 */
export interface CachedAccessToken {
  accessToken: string;
  /** When Entra says the token expires (ms since epoch). */
  expiresAt: number;
}

export interface TokenCache {
  get(key: string): Promise<CachedAccessToken | undefined>;
  /** Keep `value` for `ttlMs`, then forget it. */
  set(key: string, value: CachedAccessToken, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Forget every key that starts with `prefix` (e.g. all resources of one tenant). */
  deletePrefix(prefix: string): Promise<void>;
}

/** In-process cache: a Map with per-entry deadlines, swept lazily on read. */
export class MemoryTokenCache implements TokenCache {
  private readonly entries = new Map<string, { value: CachedAccessToken; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<CachedAccessToken | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: CachedAccessToken, ttlMs: number): Promise<void> {
    if (ttlMs > 0) this.entries.set(key, { value, until: this.now() + ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async deletePrefix(prefix: string): Promise<void> {
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}
