/**
 * A sliding window of units (requests, or Graph's resource units) per key, on the emulator's
 * clock. A request that would take the window over its limit is refused and not counted;
 * `take` then says how many seconds until it would fit.
 */
export class SlidingBudget {
  private readonly windows = new Map<
    string,
    { log: Array<[number, number]>; head: number; sum: number }
  >();

  constructor(
    private readonly windowMs: number,
    public limit: number,
  ) {}

  /** 0 when the units fit (and are counted), else whole seconds to wait (at least 1). */
  take(key: string, units: number, now: number): number {
    const wait = this.wait(key, units, now);
    if (wait === 0) {
      const w = this.windows.get(key)!;
      w.log.push([now, units]);
      w.sum += units;
    }
    return wait;
  }

  /** Like `take`, but counts nothing: for checking several budgets before spending any. */
  wait(key: string, units: number, now: number): number {
    let w = this.windows.get(key);
    if (!w) this.windows.set(key, (w = { log: [], head: 0, sum: 0 }));
    while (w.head < w.log.length && w.log[w.head]![0] <= now - this.windowMs) {
      w.sum -= w.log[w.head]![1];
      w.head += 1;
    }
    if (w.head > 1024 && w.head * 2 > w.log.length) {
      w.log = w.log.slice(w.head);
      w.head = 0;
    }
    if (w.sum + units > this.limit) {
      // Wait until enough of the oldest entries leave the window.
      let freed = 0;
      for (let i = w.head; i < w.log.length; i++) {
        freed += w.log[i]![1];
        if (w.sum - freed + units <= this.limit)
          return Math.max(1, Math.ceil((w.log[i]![0] + this.windowMs - now) / 1000));
      }
      return Math.max(1, Math.ceil(this.windowMs / 1000));
    }
    return 0;
  }

  /** Share of the limit used in the window (0–1), for `x-ms-throttle-limit-percentage`. */
  usage(key: string): number {
    const w = this.windows.get(key);
    return w ? w.sum / this.limit : 0;
  }

  clear(): void {
    this.windows.clear();
  }
}
