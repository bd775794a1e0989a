import type { HealthStatus } from '@/lib/connections/connection-health';
import type { AlertKind } from './alert-kinds';

/** Consecutive failed checks that make a connection "failing". */
export const FAILED_CHECKS_BEFORE_ALERT = 3;

export interface ObservedHealth {
  status: HealthStatus;
  daysLeft: number;
  /** Failed checks in a row (keep-alive runs and "Check now"), reset by a successful one. */
  consecutiveFailures: number;
}

/**
 * What, if anything, a connection needs a person for, worst first: a dead sign-in (revoked,
 * expired, MFA missing) outranks repeated check failures, which outrank an approaching expiry.
 * "Expiring" starts when the health card says so (14 days) or at the configured threshold,
 * whichever comes first.
 */
export function alertConditionOf(h: ObservedHealth, thresholdDays: number): AlertKind | null {
  if (h.status === 'revoked' || h.status === 'expired' || h.status === 'mfa_missing')
    return h.status;
  if (h.consecutiveFailures >= FAILED_CHECKS_BEFORE_ALERT) return 'failing';
  if (h.status === 'expiring' || h.daysLeft <= thresholdDays) return 'expiring';
  return null;
}

export type Transition =
  /** Same condition as last time: nothing to say (this is what makes it never a stream). */
  | { type: 'none' }
  /**
   * First sight of this connection: its state becomes the known one, and an open alert is
   * listed on the pages, but no message is sent (the state was already there before we looked).
   */
  | { type: 'baseline'; open: AlertKind | null }
  /** A new condition: one message. A previous, different condition is closed by it. */
  | { type: 'fire'; open: AlertKind; replaces: AlertKind | null }
  /** Healthy again: one "resolved" message. */
  | { type: 'resolve'; was: AlertKind };

/** `previous` is undefined when the connection has never been seen. */
export function decideTransition(
  previous: { condition: AlertKind | null } | undefined,
  next: AlertKind | null,
): Transition {
  if (!previous) return { type: 'baseline', open: next };
  if (previous.condition === next) return { type: 'none' };
  if (next === null) return { type: 'resolve', was: previous.condition! };
  return { type: 'fire', open: next, replaces: previous.condition };
}
