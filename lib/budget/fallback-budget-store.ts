import type { BudgetStore } from './budget-store';
import type { BudgetRule } from './budget-window';

/**
 * The shared store, or, while it cannot be reached, this process's own: degraded (each instance
 * then spends the budget as if alone, so the rule should leave headroom) but never down.
 */
export class FallbackBudgetStore implements BudgetStore {
  constructor(
    private readonly shared: BudgetStore,
    private readonly local: BudgetStore,
    private readonly isUnavailable: (e: unknown) => boolean,
    private readonly onFallback: (e: unknown) => void = () => {},
  ) {}

  take(scope: string, rule: BudgetRule, now: number) {
    return this.shared.take(scope, rule, now).catch((e: unknown) => {
      if (!this.isUnavailable(e)) throw e;
      this.onFallback(e);
      return this.local.take(scope, rule, now);
    });
  }

  async throttled(scope: string, rule: BudgetRule, now: number, retryAfterMs?: number) {
    await this.shared.throttled(scope, rule, now, retryAfterMs).catch(async (e: unknown) => {
      if (!this.isUnavailable(e)) throw e;
      this.onFallback(e);
      await this.local.throttled(scope, rule, now, retryAfterMs);
    });
  }
}
