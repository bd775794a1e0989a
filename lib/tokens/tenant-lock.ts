import type { TenantId } from '@/lib/ids/tenant-id';

/**
 * One writer at a time per partner tenant: redemption, rotation, connect, disconnect and
 * keep-alive all run under this lock, so that no writer can overwrite a newer grant with an
 * older one (Key Vault's set has no If-Match). In one process a promise chain per tenant does
 * it; across instances lib/fleet's PostgreSQL advisory lock implements the same interface.
 */
export interface TenantLock {
  /**
   * Runs `work` while holding the tenant's lock, waiting for it if another holder has it.
   * Rejects with the lock's own error when it cannot be had (e.g. the shared store is down and
   * the caller asked for `failClosed`).
   */
  run<T>(tenantId: TenantId, work: () => Promise<T>, opts?: TenantLockOptions): Promise<T>;
}

export interface TenantLockOptions {
  /**
   * When the fleet-wide lock cannot be taken because its store is unreachable: false (default)
   * falls back to this process's lock, which keeps reads working in degraded mode (rotation
   * still compares versions); true refuses, for writers that must not run unguarded (connect).
   */
  failClosed?: boolean;
}

/** This process only: a promise chain per tenant. */
export class MemoryTenantLock implements TenantLock {
  private readonly tails = new Map<TenantId, Promise<unknown>>();

  async run<T>(tenantId: TenantId, work: () => Promise<T>): Promise<T> {
    const key = tenantId;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const mine = previous.then(
      () => work(),
      () => work(),
    );
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return mine;
  }
}
