import {
  EMPTY_BUDGET,
  take,
  throttled,
  type BudgetRule,
  type BudgetState,
  type TakeDecision,
} from './budget-window';

/**
 * Where a budget's state lives. In memory it is one process's; in PostgreSQL
 * (pg-budget-store.ts) every instance shares it, each decision made under a row lock.
 */
export interface BudgetStore {
  take(scope: string, rule: BudgetRule, now: number): Promise<TakeDecision>;
  throttled(scope: string, rule: BudgetRule, now: number, retryAfterMs?: number): Promise<void>;
}

export class MemoryBudgetStore implements BudgetStore {
  private readonly states = new Map<string, BudgetState>();

  async take(scope: string, rule: BudgetRule, now: number): Promise<TakeDecision> {
    const decision = take(this.states.get(scope) ?? EMPTY_BUDGET, rule, now);
    this.states.set(scope, decision.state);
    return decision;
  }

  async throttled(scope: string, rule: BudgetRule, now: number, retryAfterMs?: number) {
    this.states.set(
      scope,
      throttled(this.states.get(scope) ?? EMPTY_BUDGET, rule, now, retryAfterMs),
    );
  }
}
