import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import type { CodeAdvice } from '@/lib/entra/aadsts-advice';

export type HealthStatus = 'healthy' | 'expiring' | 'expired' | 'revoked' | 'mfa_missing' | 'error';

/** Advice in display form (lib/entra's advice for AADSTS codes and the portal's own codes). */
export type HealthAdvice = CodeAdvice;

/** One connection's health, as the page and the JSON route show it. Holds no token. */
export interface ConnectionHealth {
  tenantId: TenantId;
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
  /**
   * Set when the grant lacks a permission added since it was made (Graph's GDAP read, for the
   * access view): the connection still works for Partner Center, so its status is not changed;
   * the admin reconnects to grant the new permission.
   */
  permissionNeeded: { permission: string; advice: HealthAdvice } | null;
}

export const INACTIVITY_LIMIT_DAYS = 90;
export const EXPIRING_WITHIN_DAYS = 14;
