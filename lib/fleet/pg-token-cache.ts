import type { CachedAccessToken } from '@/lib/tokens/token-cache';
import type { SharedTokenCache } from '@/lib/tokens/layered-token-cache';
import { openToken, sealToken, type TokenKey } from '@/lib/tokens/token-seal';
import type { SqlPool } from './sql-pool';

/**
 * Access tokens shared by every instance, in `fleet_access_tokens`, sealed with AES-256-GCM
 * (lib/tokens/token-seal.ts): the key id is stored beside each row, and the (partner tenant,
 * resource) of the row and its expiry are the associated data. A row under another key id, or
 * one that fails to open, is deleted on sight (access tokens are short-lived; the next
 * redemption writes a fresh one). Rows are deleted once they may no longer be served: on read,
 * on every write, and by the sweep job.
 *
 * Keys are the broker's `<partner tenant>|<resource>`; the part before the first `|` is the
 * partner tenant.
 */
export class PgTokenCache implements SharedTokenCache {
  constructor(
    private readonly pool: SqlPool,
    private readonly key: TokenKey,
    private readonly now: () => number = Date.now,
  ) {}

  async getEntry(cacheKey: string) {
    const { rows } = await this.pool.query<{
      key_id: string;
      sealed: Buffer;
      expires_at: string;
      stale_at: string;
    }>(
      'SELECT key_id, sealed, expires_at, stale_at FROM fleet_access_tokens WHERE cache_key = $1',
      [cacheKey],
    );
    const row = rows[0];
    if (!row) return undefined;
    const expiresAt = Number(row.expires_at);
    const ttlMs = Number(row.stale_at) - this.now();
    const accessToken =
      ttlMs > 0
        ? openToken(
            this.key,
            { ...binding(cacheKey), expiresAt },
            {
              keyId: row.key_id,
              sealed: row.sealed,
            },
          )
        : undefined;
    if (accessToken === undefined) {
      await this.pool.query(
        'DELETE FROM fleet_access_tokens WHERE cache_key = $1 AND sealed = $2',
        [cacheKey, row.sealed],
      );
      return undefined;
    }
    return { value: { accessToken, expiresAt }, ttlMs };
  }

  async set(cacheKey: string, value: CachedAccessToken, ttlMs: number): Promise<void> {
    if (ttlMs <= 0) return;
    const sealed = sealToken(
      this.key,
      { ...binding(cacheKey), expiresAt: value.expiresAt },
      value.accessToken,
    );
    const now = this.now();
    await this.pool.query(
      `WITH swept AS (
         DELETE FROM fleet_access_tokens
         WHERE cache_key <> $1 AND (stale_at <= $5 OR key_id <> $2))
       INSERT INTO fleet_access_tokens (cache_key, key_id, sealed, expires_at, stale_at)
       VALUES ($1, $2, $3, $4, $6)
       ON CONFLICT (cache_key) DO UPDATE
         SET key_id = EXCLUDED.key_id, sealed = EXCLUDED.sealed,
             expires_at = EXCLUDED.expires_at, stale_at = EXCLUDED.stale_at`,
      [cacheKey, sealed.keyId, sealed.sealed, value.expiresAt, now, now + ttlMs],
    );
  }

  async deletePrefix(prefix: string): Promise<void> {
    await this.pool.query(
      'DELETE FROM fleet_access_tokens WHERE left(cache_key, length($1)) = $1',
      [prefix],
    );
  }

  /** Deletes every row that may no longer be served or was sealed under another key; returns how many. */
  async sweep(): Promise<number> {
    const { rowCount } = await this.pool.query(
      'DELETE FROM fleet_access_tokens WHERE stale_at <= $1 OR key_id <> $2',
      [this.now(), this.key.id],
    );
    return rowCount ?? 0;
  }
}

function binding(cacheKey: string): { tenantId: string; resource: string } {
  const bar = cacheKey.indexOf('|');
  return bar < 0
    ? { tenantId: cacheKey, resource: '' }
    : { tenantId: cacheKey.slice(0, bar), resource: cacheKey.slice(bar + 1) };
}
