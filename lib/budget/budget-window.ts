/**
 * The arithmetic of a shared request budget, as pure functions over a small state so that the
 * same decisions run in memory (one process, unit tests) and inside a PostgreSQL row lock (the
 * fleet). It is a sliding-window estimate (the previous fixed window's count weighted by how much
 * of it still overlaps the sliding one, plus the current count), so bursts at a window boundary
 * cannot double the rate; and a throttle from upstream (429 + Retry-After) blocks every caller of
 * the scope until it passes, backing off exponentially when throttled again.
 */
export interface BudgetRule {
  /** Requests allowed per window, across every instance. */
  limit: number;
  windowMs: number;
  /** First penalty when upstream throttles without a Retry-After. */
  baseBackoffMs?: number;
  /** The longest any penalty lasts. */
  maxBackoffMs?: number;
}

export interface BudgetState {
  /** Start of the current fixed window (ms since epoch, a multiple of windowMs). */
  windowStart: number;
  used: number;
  /** Count of the window before windowStart. */
  previousUsed: number;
  /** No request may start before this (ms since epoch; 0 when not blocked). */
  blockedUntil: number;
  /** Throttles in a row; reset once a window passes without one. */
  strikes: number;
  lastStrikeAt: number;
}

/**
 * A refusal says why: `throttled` when upstream's own 429 blocks the scope (its Retry-After or a
 * back-off), `full` when our window has no room. Callers tell users different things.
 */
export type TakeDecision =
  | { granted: true; state: BudgetState }
  | { granted: false; waitMs: number; reason: 'throttled' | 'full'; state: BudgetState };

export const EMPTY_BUDGET: BudgetState = {
  windowStart: 0,
  used: 0,
  previousUsed: 0,
  blockedUntil: 0,
  strikes: 0,
  lastStrikeAt: 0,
};

const DEFAULT_BASE_BACKOFF_MS = 1000;
const DEFAULT_MAX_BACKOFF_MS = 5 * 60 * 1000;

/** Moves the state's windows forward to `now`. */
export function rollWindow(state: BudgetState, now: number, windowMs: number): BudgetState {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  if (windowStart === state.windowStart) return state;
  const previousUsed = windowStart - state.windowStart === windowMs ? state.used : 0;
  return { ...state, windowStart, used: 0, previousUsed };
}

/** Requests counted against the sliding window ending at `now`. */
export function estimatedUse(state: BudgetState, now: number, windowMs: number): number {
  const overlap = 1 - (now - state.windowStart) / windowMs;
  return state.previousUsed * Math.max(0, overlap) + state.used;
}

/** Whether one more request may start now and, if not, how long to wait before asking again. */
export function take(state: BudgetState, rule: BudgetRule, now: number): TakeDecision {
  const rolled = rollWindow(state, now, rule.windowMs);
  if (rolled.blockedUntil > now)
    return {
      granted: false,
      waitMs: rolled.blockedUntil - now,
      reason: 'throttled',
      state: rolled,
    };
  if (estimatedUse(rolled, now, rule.windowMs) + 1 <= rule.limit)
    return { granted: true, state: { ...rolled, used: rolled.used + 1 } };
  return {
    granted: false,
    waitMs: waitForRoom(rolled, rule, now),
    reason: 'full',
    state: rolled,
  };
}

/**
 * When the estimate drops enough for one more request: the previous window's weight falls
 * linearly, so solve previousUsed × (1 − t/windowMs) + used + 1 ≤ limit for t; if the current
 * window alone is full, wait for the next one.
 */
function waitForRoom(state: BudgetState, rule: BudgetRule, now: number): number {
  const windowEnd = state.windowStart + rule.windowMs;
  const room = rule.limit - state.used - 1;
  if (room < 0 || state.previousUsed === 0) return Math.max(1, windowEnd - now);
  const t = rule.windowMs * (1 - room / state.previousUsed);
  return Math.max(1, Math.ceil(state.windowStart + t - now));
}

/**
 * Upstream said 429: block the scope for Retry-After, or, if it names none or this is another
 * throttle soon after the last, for an exponentially longer penalty. Never shortens a block.
 */
export function throttled(
  state: BudgetState,
  rule: BudgetRule,
  now: number,
  retryAfterMs: number | undefined,
): BudgetState {
  const rolled = rollWindow(state, now, rule.windowMs);
  const strikes = now - rolled.lastStrikeAt <= rule.windowMs ? rolled.strikes + 1 : 1;
  const base = rule.baseBackoffMs ?? DEFAULT_BASE_BACKOFF_MS;
  const max = rule.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
  const backoff = Math.min(max, base * 2 ** (strikes - 1));
  // The first throttle waits exactly Retry-After; a repeat waits at least the doubled backoff.
  const floor = strikes > 1 || retryAfterMs === undefined ? backoff : 0;
  const penalty = Math.min(max, Math.max(retryAfterMs ?? 0, floor));
  return {
    ...rolled,
    blockedUntil: Math.max(rolled.blockedUntil, now + penalty),
    strikes,
    lastStrikeAt: now,
  };
}
