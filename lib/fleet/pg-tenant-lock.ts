import { AppError } from '@/lib/errors/app-error';
import {
  MemoryTenantLock,
  type TenantLock,
  type TenantLockOptions,
} from '@/lib/tokens/tenant-lock';
import { isDatabaseUnavailable, type PoolClient, type SqlPool } from './sql-pool';
import type { TenantId } from '@/lib/ids/tenant-id';

/** The first key of every tenant lock, so it never collides with other advisory locks (pg-boss, migrations). */
export const TENANT_LOCK_CLASS = 0x7e1a;

export interface PgTenantLockOptions {
  /** Between two attempts; doubled up to maxPollMs, with jitter. */
  pollMs?: number;
  maxPollMs?: number;
  /** Give up (503 `tenant_busy`) after waiting this long. */
  maxWaitMs?: number;
  /** Told when the database is unreachable and the lock degrades to this process's. */
  onDegraded?: (error: unknown) => void;
}

/** The tenant's lock was held by someone else for longer than a request may wait. */
export class TenantBusyError extends AppError {
  constructor() {
    super(
      'tenant_busy',
      'Your organization’s connection is being updated. Try again shortly.',
      503,
    );
  }
}

/** The fleet-wide lock is needed and the database cannot be reached. */
export class LockUnavailableError extends AppError {
  constructor(options?: { cause?: unknown }) {
    super(
      'database_unavailable',
      'The portal cannot reach its database right now. Try again shortly.',
      503,
      options,
    );
  }
}

/**
 * The tenant lock across every portal instance: a transaction-level advisory lock
 * (`pg_try_advisory_xact_lock`), which a transaction-pooling PgBouncer keeps correct because it
 * lives and dies with the transaction, on the one connection that holds it. Waiters do NOT sit
 * in a blocking lock call: each attempt is a short transaction that either gets the lock or
 * gives its connection straight back, then sleeps, so waiting for a slow redemption costs no
 * pool connection. The holder keeps one connection for the length of `work`. In-process callers
 * are serialised first (MemoryTenantLock), so one process never has two attempts in flight.
 *
 * Give it its OWN small pool, not the one `work` queries through: holders of several tenants'
 * locks must never take every connection that their own work (the shared token cache, the tenant
 * state) then waits for. With a separate pool, a holder beyond its size just queues.
 */
export class PgTenantLock implements TenantLock {
  private readonly local = new MemoryTenantLock();
  private readonly pollMs: number;
  private readonly maxPollMs: number;
  private readonly maxWaitMs: number;

  constructor(
    private readonly pool: SqlPool,
    private readonly opts: PgTenantLockOptions = {},
  ) {
    this.pollMs = opts.pollMs ?? 25;
    this.maxPollMs = opts.maxPollMs ?? 250;
    this.maxWaitMs = opts.maxWaitMs ?? 30_000;
  }

  run<T>(tenantId: TenantId, work: () => Promise<T>, opts: TenantLockOptions = {}): Promise<T> {
    return this.local.run(tenantId, () => this.acquire(tenantId, work, opts));
  }

  private async acquire<T>(
    tenantId: TenantId,
    work: () => Promise<T>,
    opts: TenantLockOptions,
  ): Promise<T> {
    const deadline = Date.now() + this.maxWaitMs;
    let delay = this.pollMs;
    for (;;) {
      const attempt = await this.tryLock(tenantId);
      if (attempt.kind === 'unavailable') return this.degraded(attempt.error, work, opts);
      if (attempt.kind === 'locked') return this.holding(attempt.client, work);
      if (Date.now() + delay > deadline) throw new TenantBusyError();
      await new Promise((r) => setTimeout(r, delay / 2 + Math.random() * delay));
      delay = Math.min(this.maxPollMs, delay * 2);
    }
  }

  /** One short attempt: the lock with its connection, or the connection straight back. */
  private async tryLock(
    tenantId: TenantId,
  ): Promise<
    | { kind: 'locked'; client: PoolClient }
    | { kind: 'busy' }
    | { kind: 'unavailable'; error: unknown }
  > {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      if (isDatabaseUnavailable(error)) return { kind: 'unavailable', error };
      throw error;
    }
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1::int4, hashtext($2)) AS locked',
        [TENANT_LOCK_CLASS, tenantId],
      );
      if (rows[0]?.locked) return { kind: 'locked', client };
      await client.query('ROLLBACK');
      client.release();
      return { kind: 'busy' };
    } catch (error) {
      client.release(error as Error);
      if (isDatabaseUnavailable(error)) return { kind: 'unavailable', error };
      throw error;
    }
  }

  /** Runs `work` while the transaction holding the lock stays open; ending it lets the lock go. */
  private async holding<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
    let failure: Error | undefined;
    try {
      const result = await work();
      // A failed COMMIT of a transaction that wrote nothing loses nothing: the lock is gone either way.
      await client.query('COMMIT').catch((e: unknown) => (failure = e as Error));
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch((r: unknown) => (failure = r as Error));
      throw e;
    } finally {
      client.release(failure);
    }
  }

  private degraded<T>(error: unknown, work: () => Promise<T>, opts: TenantLockOptions): Promise<T> {
    if (opts.failClosed) throw new LockUnavailableError({ cause: error });
    this.opts.onDegraded?.(error);
    // Already serialised in this process by `local`.
    return work();
  }
}
