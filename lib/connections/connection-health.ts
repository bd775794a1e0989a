import 'server-only';

export type HealthStatus = 'healthy' | 'expiring' | 'expired' | 'revoked' | 'mfa_missing' | 'error';

/** Advice in display form (a subset of lib/entra's Advice, plus codes that are not AADSTS). */
export interface HealthAdvice {
  code: string;
  title: string;
  cause: string;
  fix: string;
  needsReconnect: boolean;
}

/** One connection's health, as the page and the JSON route show it. Holds no token. */
export interface ConnectionHealth {
  tenantId: string;
  orgName?: string;
  status: HealthStatus;
  /** `confirmed`: `mfa` was in the token's amr; `unknown`: a secret written by another tool. */
  mfa: 'confirmed' | 'missing' | 'unknown';
  connectedBy: { oid: string; upn: string };
  connectedAt?: string;
  rotatedAt?: string;
  lastRedeemedAt?: string;
  /** When the stored refresh token lapses if nothing uses it (90 days after its last use). */
  inactivityDeadline: string;
  /** Days left before that deadline, rounded up; 0 once passed. */
  daysLeft: number;
  lastError: { code: string; at?: string; advice: HealthAdvice } | null;
  /** What to do about the current status; null when healthy. */
  advice: HealthAdvice | null;
}

export const INACTIVITY_LIMIT_DAYS = 90;
export const EXPIRING_WITHIN_DAYS = 14;
