import 'server-only';
import { MemoryBudgetStore } from '@/lib/budget/budget-store';
import type { BudgetRule } from '@/lib/budget/budget-window';
import { FallbackBudgetStore } from '@/lib/budget/fallback-budget-store';
import { RequestBudget } from '@/lib/budget/request-budget';
import { processSingleton } from '@/lib/tokens/process-singleton';
import { noteDatabaseDown } from './database-health';
import { getFleetPool } from './fleet-pool';
import { PgBudgetStore } from './pg-budget-store';
import { isDatabaseUnavailable } from './sql-pool';

/**
 * One request budget shared by every portal instance: its windows live in PostgreSQL
 * (`fleet_budgets`, one row per scope, each decision under a row lock), and while the database
 * cannot be reached each process keeps its own window (degraded, never down) and the outage is
 * noted for the banner. One RequestBudget per name per process; the caller picks the scope.
 */
export function getSharedBudget(name: string, rule: BudgetRule, maxWaitMs: number): RequestBudget {
  return processSingleton(
    `fleet.budget.${name}`,
    () =>
      new RequestBudget({
        store: new FallbackBudgetStore(
          new PgBudgetStore(getFleetPool()),
          new MemoryBudgetStore(),
          isDatabaseUnavailable,
          () => noteDatabaseDown(),
        ),
        rule,
        maxWaitMs,
      }),
  );
}
