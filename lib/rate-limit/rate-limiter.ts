/** What a limiter answers for one attempt. */
export interface RateLimitDecision {
  allowed: boolean;
  /** When refused: seconds until the next attempt is allowed (at least 1). */
  retryAfterSeconds: number;
}

/**
 * A per-key counter over a fixed window. The portal uses an in-memory one; several instances
 * would share a PostgreSQL-backed one (rate-limiter-flexible's RateLimiterPostgres) behind this
 * same interface.
 */
export interface RateLimiter {
  consume(key: string): Promise<RateLimitDecision>;
}

/** The portal's costly actions, each with its own per-user budget. */
export type LimitedAction = 'export' | 'refresh' | 'check' | 'connect_start';

export interface Limit {
  /** Attempts allowed per window. */
  points: number;
  /** The window, in seconds. */
  windowSeconds: number;
}

/**
 * Per user (tenant + object id; by client address when nobody is signed in). Generous for a
 * person, tight for a script: each action costs Partner Center, Entra or Key Vault calls.
 */
export const LIMITS: Record<LimitedAction, Limit> = {
  export: { points: 10, windowSeconds: 10 * 60 },
  refresh: { points: 10, windowSeconds: 60 },
  check: { points: 10, windowSeconds: 10 * 60 },
  connect_start: { points: 10, windowSeconds: 10 * 60 },
};
