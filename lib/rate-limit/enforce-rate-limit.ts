import { getConfig } from '@/lib/config';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { log } from '@/lib/log';
import { processSingleton } from '@/lib/tokens/process-singleton';
import { createMemoryRateLimiter } from './memory-rate-limiter';
import { LIMITS, type Limit, type LimitedAction, type RateLimiter } from './rate-limiter';

/** Too many attempts of one action by one user: 429, with when to try again. */
export class RateLimitedError extends AppError {
  constructor(
    readonly action: LimitedAction,
    readonly retryAfterSeconds: number,
  ) {
    super(
      'rate_limited',
      `Too many attempts. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
      429,
    );
  }
}

/** Shape-based, like every error check (see lib/errors/app-error.ts). */
export function isRateLimited(e: unknown): e is RateLimitedError {
  return (
    isAppError(e) &&
    e.code === 'rate_limited' &&
    typeof (e as { retryAfterSeconds?: unknown }).retryAfterSeconds === 'number'
  );
}

type Factory = (action: LimitedAction, limit: Limit) => RateLimiter;

interface Registry {
  factory: Factory;
  limiters: Map<LimitedAction, RateLimiter>;
}

function registry(): Registry {
  return processSingleton('rate-limiters', () => ({
    factory: (_action: LimitedAction, limit: Limit) => createMemoryRateLimiter(limit),
    limiters: new Map<LimitedAction, RateLimiter>(),
  }));
}

/**
 * Swaps the store behind every limiter (a PostgreSQL one shared by the fleet, or a test's).
 * Counters kept so far are dropped.
 */
export function setRateLimiterFactory(factory: Factory): void {
  const r = registry();
  r.factory = factory;
  r.limiters.clear();
}

/** Counts one attempt of `action` by `key`; throws RateLimitedError when its budget is spent. */
export async function enforceRateLimit(action: LimitedAction, key: string): Promise<void> {
  const r = registry();
  let limiter = r.limiters.get(action);
  if (!limiter) {
    const base = LIMITS[action];
    const points = Math.max(1, Math.round(base.points * rateLimitFactor()));
    limiter = r.factory(action, { ...base, points });
    r.limiters.set(action, limiter);
  }
  const decision = await limiter.consume(key);
  if (decision.allowed) return;
  log.warn(
    { event: 'rate_limited', action, retryAfterSeconds: decision.retryAfterSeconds },
    'rate limit reached',
  );
  throw new RateLimitedError(action, decision.retryAfterSeconds);
}

/** RATE_LIMIT_FACTOR, or 1 when the configuration cannot be read (unit tests, tools). */
function rateLimitFactor(): number {
  try {
    return getConfig().RATE_LIMIT_FACTOR;
  } catch {
    return 1;
  }
}

/** The key of a signed-in user: their tenant and object id. */
export function userRateKey(user: { tid: string; oid: string }): string {
  return `user:${user.tid}:${user.oid}`;
}
