/**
 * When to retry a Partner Center GET and how long to wait. Partner Center's guidance: wait
 * `Retry-After` seconds, then back off exponentially if throttled again; avoid immediate retries.
 */

export interface RetryPolicy {
  /** Retries after the first attempt (so at most maxRetries + 1 requests). */
  maxRetries: number;
  /** First backoff step when the response names no Retry-After. */
  baseDelayMs: number;
  /** Never wait longer than this for one retry; a longer Retry-After fails fast instead. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/** Statuses worth retrying for an idempotent GET: throttling, timeouts and server faults. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds; undefined if absent or garbage. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * Delay before retry number `attempt` (1-based). Exponential backoff with jitter; a server's
 * Retry-After is a floor, never shortened.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: RetryPolicy,
  random = Math.random,
): number {
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.max(retryAfterMs ?? 0, Math.round(jittered));
}
