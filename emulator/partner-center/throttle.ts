import type { Clock } from '../core/clock';

const WINDOW_MS = 60_000;
/** "The Customer resource has a rate limit of 500 requests per minute per tenant identifier." */
export const DEFAULT_LIMIT_PER_MINUTE = 500;

/**
 * A sliding one-minute window per partner tenant, on the emulator's clock (so tests can advance
 * past it). Keeps at most `limit` timestamps per tenant; a rejected request doesn't count.
 */
export class Throttle {
  private readonly windows = new Map<string, number[]>();
  limitPerMinute = DEFAULT_LIMIT_PER_MINUTE;

  constructor(private readonly clock: Clock) {}

  /** 0 when the request may proceed (and is counted), else the seconds to wait. */
  take(key: string): number {
    const now = this.clock.now();
    let window = this.windows.get(key);
    if (!window) this.windows.set(key, (window = []));
    let expired = 0;
    while (expired < window.length && (window[expired] as number) <= now - WINDOW_MS) expired++;
    if (expired > 0) window.splice(0, expired);
    if (window.length >= this.limitPerMinute) {
      const oldest = window[0] as number;
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
    }
    window.push(now);
    return 0;
  }

  reset(): void {
    this.windows.clear();
    this.limitPerMinute = DEFAULT_LIMIT_PER_MINUTE;
  }
}
