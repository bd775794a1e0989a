import type { TenantId } from '@/lib/ids/tenant-id';
import type { ConnectionTags } from '@/lib/vault/connection-tags';
import { ConnectionError } from './connection-error';
import { adviceForStoredCode, isDeadStatus } from './dead-grant-status';
import { MemoryTenantLock, type TenantLock, type TenantLockOptions } from './tenant-lock';
import type { TokenBrokerDeps } from './token-broker-deps';

export type { BrokerActivity, BrokerStore, Redeem, TokenBrokerDeps } from './token-broker-deps';

export interface RedeemNowResult {
  tenantId: TenantId;
  expiresOn: Date;
  rotatedAt: Date;
  amr: string[];
}

export const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/**
 * Turns a partner tenant's stored refresh token into access tokens, cheaply:
 * - access tokens are cached per (tenant, resource) until 5 minutes before they expire (in
 *   memory, and, with lib/fleet's cache, sealed in the database for every instance);
 * - on a miss, concurrent callers share ONE Key Vault read and ONE redemption: one caller per
 *   process (single flight) takes the tenant's lock, fleet-wide with lib/fleet's lock;
 * - the newest refresh token is written back to Key Vault, as a new version, once the stored
 *   one is older than the rotation interval (write-behind: the caller does not wait for it, and
 *   Entra keeps the old token valid, so a failed write loses nothing), under the same lock;
 * - a dead Partner Center grant (700082, 50173, 70043, 65001, ...) marks the connection in its
 *   tags, and later calls fail fast with the same advice until someone reconnects. A dead grant
 *   for another resource (e.g. Graph consent missing) is that resource's failure only: the
 *   connection is not marked and its Partner Center tokens stay cached.
 */
export class TokenBroker {
  private readonly margin: number;
  private readonly background = new Set<Promise<unknown>>();
  private readonly lock: TenantLock;

  constructor(private readonly deps: TokenBrokerDeps) {
    this.margin = deps.expiryMarginMs ?? EXPIRY_MARGIN_MS;
    this.lock = deps.lock ?? new MemoryTenantLock();
  }

  /** An access token for `tenantId`'s stored connection. Throws ConnectionError or the redemption's error. */
  async getAccessToken(
    tenantId: TenantId,
    resource: string = this.deps.defaultResource,
  ): Promise<string> {
    const key = cacheKey(tenantId, resource);
    const hit = await this.fresh(key);
    if (hit) return hit;
    // One caller per process goes for the tenant's lock; the others here share its answer.
    return this.deps.flight.run(key, () => this.redeemUnderLock(tenantId, resource, key));
  }

  /**
   * Under the tenant's lock (fleet-wide when the lock is PostgreSQL's): look again (a holder
   * before us, here or on another instance, may have shared a token meanwhile), else read Key
   * Vault once, redeem once and share the result. The caller gets its token as soon as it is
   * shared; a due rotation is then written before the lock is let go, so no other writer can
   * slip between its version check and its write.
   */
  private redeemUnderLock(tenantId: TenantId, resource: string, key: string): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const held = this.lock.run(tenantId, async () => {
        const late = await this.fresh(key);
        if (late) return resolve(late);
        const record = await this.readConnection(tenantId);
        if (isDeadStatus(record.tags.status)) {
          throw new ConnectionError(
            'connection_needs_reconnect',
            tenantId,
            adviceForStoredCode(record.tags.lastErrorCode),
          );
        }
        const redeemed = await this.redeemOrMark(tenantId, record.refreshToken, resource);
        await this.remember(key, redeemed);
        resolve(redeemed.accessToken);
        if (this.isDue(record)) {
          await this.rotate(tenantId, record, redeemed).catch((e: unknown) =>
            this.deps.onBackgroundError?.(e, { tenantId, operation: 'rotate' }),
          );
        }
      });
      held.catch(reject);
      this.track(held);
    });
  }

  /**
   * Runs `work` under the tenant's lock: connect, disconnect and anything else that writes the
   * tenant's secret uses this, so it never interleaves with a redemption's rotation.
   */
  exclusive<T>(tenantId: TenantId, work: () => Promise<T>, opts?: TenantLockOptions): Promise<T> {
    return this.lock.run(tenantId, work, opts);
  }

  /**
   * Redeems now, bypassing the cache, and always writes the newest refresh token back with fresh
   * health tags. "Check now" and `csp keepalive` use it; it also tries connections marked dead,
   * because a person asking to check wants the real answer.
   */
  async redeemNow(tenantId: TenantId): Promise<RedeemNowResult> {
    const work = async () => {
      const record = await this.readConnection(tenantId);
      const resource = this.deps.defaultResource;
      const redeemed = await this.redeemOrMark(tenantId, record.refreshToken, resource);
      await this.remember(cacheKey(tenantId, resource), redeemed);
      const rotatedAt = new Date(this.deps.now());
      await this.deps.store.save(
        tenantId,
        redeemed.refreshToken,
        freshTags(record.tags, rotatedAt, redeemed.claims.amr),
      );
      return { tenantId, expiresOn: redeemed.expiresOn, rotatedAt, amr: redeemed.claims.amr };
    };
    // Keep-alive and "Check now" write the secret: under the same lock as every other writer.
    return this.deps.flight.run(`redeem-now:${tenantId}`, () => this.lock.run(tenantId, work));
  }

  /** Drops every cached token of a tenant (after a disconnect or reconnect). */
  async forget(tenantId: TenantId): Promise<void> {
    await this.deps.cache.deletePrefix(`${tenantId}|`);
  }

  /** Resolves when background write-backs have finished (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.background.size) await Promise.allSettled([...this.background]);
  }

  private async fresh(key: string): Promise<string | undefined> {
    const cached = await this.deps.cache.get(key);
    return cached && cached.expiresAt - this.margin > this.deps.now()
      ? cached.accessToken
      : undefined;
  }

  private async remember(
    key: string,
    redeemed: { accessToken: string; expiresOn: Date },
  ): Promise<void> {
    const expiresAt = redeemed.expiresOn.getTime();
    await this.deps.cache.set(
      key,
      { accessToken: redeemed.accessToken, expiresAt },
      expiresAt - this.margin - this.deps.now(),
    );
  }

  private async readConnection(tenantId: TenantId) {
    const record = await this.deps.store.get(tenantId);
    if (!record) throw new ConnectionError('connection_missing', tenantId);
    return record;
  }

  private async redeemOrMark(tenantId: TenantId, refreshToken: string, resource: string) {
    try {
      return await this.deps.redeem({
        tenantId,
        refreshToken,
        scopes: this.deps.scopesFor(resource),
      });
    } catch (error) {
      const dead = this.deps.isDeadGrant(
        error,
        resource === this.deps.defaultResource ? 'partner-center' : 'other',
      );
      if (!dead?.connectionStatus) throw error;
      // Access tokens already issued still work for a while, but a dead grant means the tenant
      // must reconnect: stop serving them so every page says so now, not in an hour.
      await this.forget(tenantId);
      this.deps.onConnectionLost?.(tenantId);
      const at = new Date(this.deps.now()).toISOString();
      await this.deps.store
        .updateTags(tenantId, {
          status: dead.connectionStatus,
          lastErrorCode: dead.advice.code,
          lastErrorAt: at,
        })
        .catch((e: unknown) =>
          this.deps.onBackgroundError?.(e, { tenantId, operation: 'mark-dead-grant' }),
        );
      await this.deps
        .onDeadGrant?.(tenantId, dead.advice.code)
        .catch((e: unknown) =>
          this.deps.onBackgroundError?.(e, { tenantId, operation: 'share-dead-grant' }),
        );
      await this.deps.onActivity?.({ kind: 'dead_grant', tenantId, errorCode: dead.advice.code });
      throw new ConnectionError('connection_needs_reconnect', tenantId, dead.advice, {
        cause: error,
      });
    }
  }

  private isDue(record: { tags: ConnectionTags; updatedOn: Date }): boolean {
    const parsed = Date.parse(record.tags.rotatedAt);
    const rotatedAt = Number.isNaN(parsed) ? record.updatedOn.getTime() : parsed;
    return this.deps.now() - rotatedAt >= this.deps.rotationIntervalMs;
  }

  /**
   * Writes the rotated refresh token as a new version, unless the secret changed since we read
   * it (a reconnect, a disconnect, or another instance's rotation): theirs is newer, keep it.
   * Every writer holds the tenant's lock, so nothing can change between this check and the write.
   */
  private async rotate(
    tenantId: TenantId,
    read: { version: string },
    redeemed: { refreshToken: string; claims: { amr: string[] } },
  ): Promise<void> {
    const current = await this.deps.store.get(tenantId);
    if (!current || current.version !== read.version) return;
    try {
      await this.deps.store.save(
        tenantId,
        redeemed.refreshToken,
        freshTags(current.tags, new Date(this.deps.now()), redeemed.claims.amr),
      );
    } catch (e) {
      const errorCode = (e as { code?: unknown }).code;
      await this.deps.onActivity?.({
        kind: 'rotate',
        tenantId,
        ok: false,
        errorCode: typeof errorCode === 'string' ? errorCode : 'unexpected_error',
      });
      throw e;
    }
    await this.deps.onActivity?.({ kind: 'rotate', tenantId, ok: true });
  }

  private track(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined);
    this.background.add(settled);
    void settled.finally(() => this.background.delete(settled));
  }
}

function cacheKey(tenantId: TenantId, resource: string): string {
  return `${tenantId}|${resource}`;
}

/**
 * Tags after a successful redemption that is written back: errors cleared, and healthy unless
 * the Partner Center token lacks MFA (Partner Center would refuse it).
 */
function freshTags(tags: ConnectionTags, at: Date, amr: string[]): ConnectionTags {
  const iso = at.toISOString();
  const status = amr.includes('mfa') ? 'ok' : 'mfa_missing';
  return {
    ...tags,
    rotatedAt: iso,
    lastRedeemedAt: iso,
    status,
    lastErrorCode: undefined,
    lastErrorAt: undefined,
  };
}
