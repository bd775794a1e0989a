import {
  enforceRateLimit,
  isRateLimited,
  LIMITS,
  setRateLimiterFactory,
  createMemoryRateLimiter,
  userRateKey,
} from '@/lib/rate-limit';
import { toErrorBody } from '@/lib/errors/error-body';

const alice = userRateKey({ tid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', oid: 'alice' });
const bob = userRateKey({ tid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', oid: 'bob' });

beforeEach(() => {
  // Fresh memory counters for each test.
  setRateLimiterFactory((_action, limit) => createMemoryRateLimiter(limit));
});

describe('per-user rate limits on the costly endpoints', () => {
  it.each(Object.entries(LIMITS))(
    '%s: the budget is allowed, the next attempt is refused with 429 and a retry time',
    async (action, limit) => {
      const a = action as keyof typeof LIMITS;
      for (let i = 0; i < limit.points; i++) await enforceRateLimit(a, alice);
      const error = await enforceRateLimit(a, alice).catch((e: unknown) => e);
      expect(isRateLimited(error)).toBe(true);
      const { status, body } = toErrorBody(error);
      expect(status).toBe(429);
      expect(body.error.code).toBe('rate_limited');
      const retry = (error as { retryAfterSeconds: number }).retryAfterSeconds;
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(limit.windowSeconds);
    },
  );

  it('counts each user, and each action, on its own', async () => {
    for (let i = 0; i < LIMITS.export.points; i++) await enforceRateLimit('export', alice);
    await expect(enforceRateLimit('export', alice)).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(enforceRateLimit('export', bob)).resolves.toBeUndefined();
    await expect(enforceRateLimit('check', alice)).resolves.toBeUndefined();
  });

  it('the store is swappable behind the interface (the fleet moves it to PostgreSQL)', async () => {
    const seen: string[] = [];
    setRateLimiterFactory((action) => ({
      consume: async (key) => {
        seen.push(`${action}:${key}`);
        return { allowed: false, retryAfterSeconds: 7 };
      },
    }));
    await expect(enforceRateLimit('refresh', bob)).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 7,
    });
    expect(seen).toEqual([`refresh:${bob}`]);
  });
});
