import type { CachedAccessToken, TokenCache } from './token-cache';

/** A cache every instance can read (lib/fleet's sealed PostgreSQL table). */
export interface SharedTokenCache {
  /** The token and how much longer it may be served, or undefined. */
  getEntry(key: string): Promise<{ value: CachedAccessToken; ttlMs: number } | undefined>;
  set(key: string, value: CachedAccessToken, ttlMs: number): Promise<void>;
  deletePrefix(prefix: string): Promise<void>;
}

/**
 * This process's memory in front of the fleet's shared cache: a warm request never leaves the
 * process; a miss looks in the shared cache (another instance may have redeemed) and keeps what
 * it finds; writes and deletions go to both. A shared cache that fails (database down) is
 * reported and skipped: the broker then redeems as one process would.
 */
export class LayeredTokenCache implements TokenCache {
  constructor(
    private readonly memory: TokenCache,
    private readonly shared: SharedTokenCache,
    private readonly onSharedError: (error: unknown, operation: string) => void = () => {},
  ) {}

  async get(key: string): Promise<CachedAccessToken | undefined> {
    const local = await this.memory.get(key);
    if (local) return local;
    const entry = await this.shared.getEntry(key).catch((e: unknown) => {
      this.onSharedError(e, 'get');
      return undefined;
    });
    if (!entry) return undefined;
    await this.memory.set(key, entry.value, entry.ttlMs);
    return entry.value;
  }

  async set(key: string, value: CachedAccessToken, ttlMs: number): Promise<void> {
    await this.memory.set(key, value, ttlMs);
    await this.shared.set(key, value, ttlMs).catch((e: unknown) => this.onSharedError(e, 'set'));
  }

  async delete(key: string): Promise<void> {
    await this.memory.delete(key);
    await this.shared.deletePrefix(key).catch((e: unknown) => this.onSharedError(e, 'delete'));
  }

  async deletePrefix(prefix: string): Promise<void> {
    await this.memory.deletePrefix(prefix);
    await this.shared
      .deletePrefix(prefix)
      .catch((e: unknown) => this.onSharedError(e, 'deletePrefix'));
  }
}
