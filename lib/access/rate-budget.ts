/**
 * A request budget for one partner tenant's sync: at most `ratePerSecond` requests (token
 * requests and Graph calls alike), spaced evenly so that no one-second window ever holds more
 * than the budget. Concurrent callers reserve slots in turn.
 *
 * On a 429 it pauses every caller for `Retry-After` (or an exponential back-off when there is
 * none) and halves its rate; the rate recovers step by step after a quiet period. It paces one
 * run (or one "check now"); the partner's window that every portal instance shares is taken
 * after it (lib/access/fleet-budget.ts), so runs on several instances stay within one rate.
 */
export interface RateBudgetOptions {
  ratePerSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Pause after a 429 without Retry-After; doubles on each consecutive 429. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Slowest the budget goes after repeated 429s, as a divisor of the rate. */
  maxSlowdown?: number;
  /** Quiet time after a 429 before the rate steps back up (doubling). */
  recoverAfterMs?: number;
}

export class RateBudget {
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxSlowdown: number;
  private readonly recoverAfterMs: number;
  private nextSlot = 0;
  private slowdown = 1;
  private pausedUntil = 0;
  private consecutive429 = 0;
  private last429 = 0;
  private taken = 0;
  private throttles = 0;

  constructor(opts: RateBudgetOptions) {
    if (!(opts.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
    this.intervalMs = 1000 / opts.ratePerSecond;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.baseBackoffMs = opts.baseBackoffMs ?? 1000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 60_000;
    this.maxSlowdown = opts.maxSlowdown ?? 16;
    this.recoverAfterMs = opts.recoverAfterMs ?? 10_000;
  }

  /** Waits for this request's slot. */
  async take(): Promise<void> {
    const now = this.now();
    this.recover(now);
    const slot = Math.max(now, this.nextSlot, this.pausedUntil);
    this.nextSlot = slot + this.intervalMs * this.slowdown;
    this.taken++;
    if (slot > now) await this.sleep(slot - now);
  }

  /** A 429 arrived: pause everyone and slow down. */
  throttled(retryAfterMs: number | undefined): void {
    const now = this.now();
    this.throttles++;
    this.consecutive429++;
    this.last429 = now;
    const backoff =
      retryAfterMs ??
      Math.min(this.baseBackoffMs * 2 ** (this.consecutive429 - 1), this.maxBackoffMs);
    this.pausedUntil = Math.max(this.pausedUntil, now + backoff);
    this.nextSlot = Math.max(this.nextSlot, this.pausedUntil);
    this.slowdown = Math.min(this.slowdown * 2, this.maxSlowdown);
  }

  /** Current effective rate, for progress display and tests. */
  get currentRatePerSecond(): number {
    return 1000 / (this.intervalMs * this.slowdown);
  }

  get stats(): { taken: number; throttles: number } {
    return { taken: this.taken, throttles: this.throttles };
  }

  private recover(now: number): void {
    if (this.slowdown === 1 || now - this.last429 < this.recoverAfterMs) return;
    this.slowdown = Math.max(1, this.slowdown / 2);
    this.consecutive429 = 0;
    this.last429 = now; // next step after another quiet period
  }
}
