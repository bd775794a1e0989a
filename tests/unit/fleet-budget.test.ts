import { MemoryBudgetStore } from '@/lib/budget/budget-store';
import {
  EMPTY_BUDGET,
  estimatedUse,
  take,
  throttled,
  type BudgetRule,
  type BudgetState,
} from '@/lib/budget/budget-window';
import { BudgetExhaustedError, RequestBudget } from '@/lib/budget/request-budget';

const MIN = 60_000;
const rule: BudgetRule = { limit: 10, windowMs: MIN, baseBackoffMs: 1000, maxBackoffMs: 30_000 };
const T0 = 1_000 * MIN; // the start of a window

function takeN(state: BudgetState, n: number, now: number) {
  let granted = 0;
  let s = state;
  for (let i = 0; i < n; i++) {
    const d = take(s, rule, now);
    s = d.state;
    if (d.granted) granted++;
  }
  return { granted, state: s };
}

describe('the budget window (pure)', () => {
  it('grants up to the limit in a window, then says how long to wait', () => {
    const { granted, state } = takeN(EMPTY_BUDGET, 12, T0 + 1000);
    expect(granted).toBe(10);
    const d = take(state, rule, T0 + 1000);
    expect(d.granted).toBe(false);
    if (!d.granted) expect(d.waitMs).toBe(MIN - 1000);
  });

  it('counts the previous window by its overlap, so a boundary burst cannot double the rate', () => {
    const full = takeN(EMPTY_BUDGET, 10, T0 + MIN - 10).state;
    // Just after the boundary the previous window still weighs almost fully.
    expect(takeN(full, 10, T0 + MIN + 10).granted).toBe(0);
    // Half way through the next window, half of it has slid out.
    const half = takeN(full, 10, T0 + MIN + MIN / 2);
    expect(half.granted).toBe(5);
    expect(estimatedUse(half.state, T0 + MIN + MIN / 2, MIN)).toBe(10);
  });

  it('a waiter told to wait finds room when it comes back', () => {
    const full = takeN(EMPTY_BUDGET, 10, T0 + MIN - 10).state;
    const d = take(full, rule, T0 + MIN + 10);
    expect(d.granted).toBe(false);
    if (d.granted) return;
    expect(take(d.state, rule, T0 + MIN + 10 + d.waitMs).granted).toBe(true);
  });

  it('forgets windows older than the previous one', () => {
    const full = takeN(EMPTY_BUDGET, 10, T0).state;
    expect(takeN(full, 10, T0 + 3 * MIN).granted).toBe(10);
  });

  it('a 429 blocks every caller for Retry-After', () => {
    const s = throttled(EMPTY_BUDGET, rule, T0, 7000);
    const d = take(s, rule, T0 + 2000);
    expect(d.granted).toBe(false);
    if (!d.granted) expect(d.waitMs).toBe(5000);
    expect(take(s, rule, T0 + 7000).granted).toBe(true);
  });

  it('a 429 without Retry-After waits the base backoff; repeats back off exponentially to the cap', () => {
    let s = throttled(EMPTY_BUDGET, rule, T0, undefined);
    expect(s.blockedUntil).toBe(T0 + 1000);
    s = throttled(s, rule, T0 + 1000, undefined);
    expect(s.blockedUntil).toBe(T0 + 1000 + 2000);
    s = throttled(s, rule, T0 + 3000, 500);
    expect(s.blockedUntil).toBe(T0 + 3000 + 4000);
    for (let i = 0; i < 10; i++) s = throttled(s, rule, T0 + 4000, undefined);
    expect(s.blockedUntil).toBe(T0 + 4000 + 30_000);
  });

  it('never shortens a block, and forgets strikes after a quiet window', () => {
    let s = throttled(EMPTY_BUDGET, rule, T0, 20_000);
    s = throttled(s, rule, T0 + 1, 1000);
    expect(s.blockedUntil).toBe(T0 + 20_000);
    s = throttled(s, rule, T0 + 5 * MIN, 1000);
    expect(s.strikes).toBe(1);
    expect(s.blockedUntil).toBe(T0 + 5 * MIN + 1000);
  });
});

describe('RequestBudget', () => {
  function clock() {
    let now = T0;
    return {
      now: () => now,
      sleep: async (ms: number) => void (now += ms),
      advance: (ms: number) => void (now += ms),
    };
  }

  it('waits for room instead of failing, and shares state between budgets on one store', async () => {
    const c = clock();
    const store = new MemoryBudgetStore();
    const one = new RequestBudget({ store, rule, maxWaitMs: 2 * MIN, ...c, random: () => 0 });
    const two = new RequestBudget({ store, rule, maxWaitMs: 2 * MIN, ...c, random: () => 0 });
    for (let i = 0; i < 5; i++) await one.acquire('tenant-a');
    for (let i = 0; i < 5; i++) await two.acquire('tenant-a');
    const before = c.now();
    await two.acquire('tenant-a');
    // The rest of this window, then a tenth of the next while the full previous window slides out.
    expect(c.now() - before).toBe(MIN + MIN / 10);
    // Another scope is not affected.
    const other = c.now();
    await one.acquire('tenant-b');
    expect(c.now()).toBe(other);
  });

  it("one caller's 429 slows every caller of the scope", async () => {
    const c = clock();
    const store = new MemoryBudgetStore();
    const one = new RequestBudget({ store, rule, maxWaitMs: MIN, ...c, random: () => 0 });
    const two = new RequestBudget({ store, rule, maxWaitMs: MIN, ...c, random: () => 0 });
    await one.throttled('tenant-a', 9000);
    const before = c.now();
    await two.acquire('tenant-a');
    expect(c.now() - before).toBe(9000);
  });

  it('gives up with budget_exhausted when the wait would be too long', async () => {
    const c = clock();
    const budget = new RequestBudget({
      store: new MemoryBudgetStore(),
      rule,
      maxWaitMs: 5000,
      ...c,
    });
    await budget.throttled('tenant-a', 60_000);
    await expect(budget.acquire('tenant-a')).rejects.toBeInstanceOf(BudgetExhaustedError);
    await expect(budget.acquire('tenant-a')).rejects.toMatchObject({
      code: 'budget_exhausted',
      status: 503,
      reason: 'throttled',
    });
  });
});
