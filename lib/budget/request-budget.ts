import { AppError, isAppError } from '@/lib/errors/app-error';
import type { BudgetStore } from './budget-store';
import type { BudgetRule } from './budget-window';

export interface RequestBudgetOptions {
  store: BudgetStore;
  rule: BudgetRule;
  /** Give up (503 `budget_exhausted`) rather than wait longer than this in total. */
  maxWaitMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The wait for the budget outlasted what a request may spend on it. */
export class BudgetExhaustedError extends AppError {
  constructor(
    readonly retryAfterMs: number,
    /** `throttled`: upstream's 429 blocks the scope; `full`: our own window has no room. */
    readonly reason: 'throttled' | 'full' = 'full',
  ) {
    super(
      'budget_exhausted',
      'Partner Center is busy for your organization right now. Try again in a minute.',
      503,
    );
  }
}

/**
 * Whether `e` is a BudgetExhaustedError, by its shape (see isAppError): the budgets are process
 * singletons shared by every Next bundle, so the error may come from another bundle's copy of the
 * class, and `instanceof` then says no (the fleet test saw `budget_exhausted` instead of
 * `partner_center_throttled`, depending on which route built the budget first).
 */
export function isBudgetExhausted(e: unknown): e is BudgetExhaustedError {
  const reason = (e as { reason?: unknown }).reason;
  return (
    isAppError(e) &&
    e.code === 'budget_exhausted' &&
    typeof (e as { retryAfterMs?: unknown }).retryAfterMs === 'number' &&
    (reason === 'throttled' || reason === 'full')
  );
}

/**
 * A budget for calls to one upstream, per scope (for Partner Center's customer routes, the
 * partner tenant): `acquire` waits until the shared window has room, `throttled` records the
 * upstream's 429 so every caller in the fleet slows down, not just the one that was refused.
 */
export class RequestBudget {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly opts: RequestBudgetOptions) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = opts.random ?? Math.random;
  }

  async acquire(scope: string): Promise<void> {
    const deadline = this.now() + this.opts.maxWaitMs;
    for (;;) {
      const decision = await this.opts.store.take(scope, this.opts.rule, this.now());
      if (decision.granted) return;
      const left = deadline - this.now();
      if (decision.waitMs > left) throw new BudgetExhaustedError(decision.waitMs, decision.reason);
      // A little jitter, so waiters on several instances do not all return in the same instant.
      await this.sleep(Math.min(left, decision.waitMs + Math.floor(this.random() * 50)));
    }
  }

  /** One request now, or how long until there is room: for limits that refuse rather than wait. */
  async tryTake(
    scope: string,
  ): Promise<{ granted: true } | { granted: false; retryAfterMs: number }> {
    const decision = await this.opts.store.take(scope, this.opts.rule, this.now());
    return decision.granted ? { granted: true } : { granted: false, retryAfterMs: decision.waitMs };
  }

  async throttled(scope: string, retryAfterMs?: number): Promise<void> {
    await this.opts.store.throttled(scope, this.opts.rule, this.now(), retryAfterMs);
  }
}
