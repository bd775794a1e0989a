import type { BudgetStore } from '@/lib/budget/budget-store';
import {
  EMPTY_BUDGET,
  take,
  throttled,
  type BudgetRule,
  type BudgetState,
} from '@/lib/budget/budget-window';
import { withTransaction, type SqlPool } from './sql-pool';

interface Row {
  window_start: string;
  used: number;
  previous_used: number;
  blocked_until: string;
  strikes: number;
  last_strike_at: string;
}

/**
 * Budgets shared by the fleet in `fleet_budgets`: each decision is lib/budget's pure arithmetic,
 * run on the scope's row under `SELECT … FOR UPDATE`, so instances deciding at the same moment
 * queue on the row and the window's count is exact.
 */
export class PgBudgetStore implements BudgetStore {
  constructor(private readonly pool: SqlPool) {}

  async take(scope: string, rule: BudgetRule, now: number) {
    return this.update(scope, (state) => {
      const decision = take(state, rule, now);
      return { state: decision.state, result: decision };
    });
  }

  async throttled(scope: string, rule: BudgetRule, now: number, retryAfterMs?: number) {
    await this.update(scope, (state) => ({
      state: throttled(state, rule, now, retryAfterMs),
      result: undefined,
    }));
  }

  private async update<R>(
    scope: string,
    decide: (state: BudgetState) => { state: BudgetState; result: R },
  ): Promise<R> {
    return withTransaction(this.pool, async (client) => {
      await client.query(
        'INSERT INTO fleet_budgets (scope) VALUES ($1) ON CONFLICT (scope) DO NOTHING',
        [scope],
      );
      const { rows } = await client.query<Row>(
        `SELECT window_start, used, previous_used, blocked_until, strikes, last_strike_at
         FROM fleet_budgets WHERE scope = $1 FOR UPDATE`,
        [scope],
      );
      const { state, result } = decide(fromRow(rows[0]));
      await client.query(
        `UPDATE fleet_budgets SET window_start = $2, used = $3, previous_used = $4,
           blocked_until = $5, strikes = $6, last_strike_at = $7 WHERE scope = $1`,
        [
          scope,
          state.windowStart,
          state.used,
          state.previousUsed,
          state.blockedUntil,
          state.strikes,
          state.lastStrikeAt,
        ],
      );
      return result;
    });
  }
}

function fromRow(row: Row | undefined): BudgetState {
  if (!row) return EMPTY_BUDGET;
  return {
    windowStart: Number(row.window_start),
    used: row.used,
    previousUsed: row.previous_used,
    blockedUntil: Number(row.blocked_until),
    strikes: row.strikes,
    lastStrikeAt: Number(row.last_strike_at),
  };
}
