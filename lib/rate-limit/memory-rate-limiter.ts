import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Limit, RateLimitDecision, RateLimiter } from './rate-limiter';

/** One process's counters (rate-limiter-flexible's memory store). */
export function createMemoryRateLimiter(limit: Limit): RateLimiter {
  const limiter = new RateLimiterMemory({ points: limit.points, duration: limit.windowSeconds });
  return {
    async consume(key: string): Promise<RateLimitDecision> {
      try {
        await limiter.consume(key);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (e) {
        // The library rejects with a RateLimiterRes ({ msBeforeNext, ... }) when the budget is
        // spent; anything else is a real failure.
        const msBeforeNext = (e as { msBeforeNext?: unknown } | null)?.msBeforeNext;
        if (typeof msBeforeNext !== 'number') throw e;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
      }
    },
  };
}
