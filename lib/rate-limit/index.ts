export {
  enforceRateLimit,
  isRateLimited,
  RateLimitedError,
  setRateLimiterFactory,
  userRateKey,
} from './enforce-rate-limit';
export { createMemoryRateLimiter } from './memory-rate-limiter';
export {
  LIMITS,
  type Limit,
  type LimitedAction,
  type RateLimiter,
  type RateLimitDecision,
} from './rate-limiter';
