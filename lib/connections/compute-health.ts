import 'server-only';
import type { ConnectionTags } from '@/lib/vault';
import { adviceForCode } from './advice-for-code';
import {
  EXPIRING_WITHIN_DAYS,
  INACTIVITY_LIMIT_DAYS,
  type ConnectionHealth,
  type HealthStatus,
} from './connection-health';

const DAY_MS = 24 * 60 * 60 * 1000;
const REVOKED_CODES = new Set(['AADSTS50173', 'AADSTS65001']);
const EXPIRED_CODES = new Set(['AADSTS700082', 'AADSTS70008', 'AADSTS70043']);
const MFA_CODES = new Set(['AADSTS50076', 'AADSTS50079', 'AADSTS50074', 'mfa_missing']);

/**
 * A connection's health from its Key Vault tags and the clock. The 90-day inactivity window
 * counts from the stored token's last use (redemption or rotation). A failure recorded by the
 * last check decides the status until a later check succeeds (status `ok`).
 */
export function computeHealth(
  input: { tenantId: string; tags: ConnectionTags; updatedOn: Date },
  now: number,
): ConnectionHealth {
  const { tags } = input;
  const lastUse =
    latest(tags.lastRedeemedAt, tags.rotatedAt, tags.connectedAt) ?? input.updatedOn.getTime();
  const deadline = lastUse + INACTIVITY_LIMIT_DAYS * DAY_MS;
  // Rounded up: right after connecting it reads 90, and it reaches 0 only when the deadline passes.
  const daysLeft = Math.max(0, Math.ceil((deadline - now) / DAY_MS));
  const amr = tags.amr.split(' ').filter(Boolean);
  const mfa = amr.length === 0 ? 'unknown' : amr.includes('mfa') ? 'confirmed' : 'missing';
  const failing = tags.status !== undefined && tags.status !== 'ok';
  const errorCode = failing ? tags.lastErrorCode : undefined;

  let status: HealthStatus;
  if (tags.status === 'revoked' || (errorCode && REVOKED_CODES.has(errorCode))) status = 'revoked';
  else if (
    tags.status === 'expired' ||
    (errorCode && EXPIRED_CODES.has(errorCode)) ||
    now >= deadline
  )
    status = 'expired';
  else if (
    tags.status === 'mfa_missing' ||
    mfa === 'missing' ||
    (errorCode && MFA_CODES.has(errorCode))
  )
    status = 'mfa_missing';
  else if (failing) status = 'error';
  else if (daysLeft <= EXPIRING_WITHIN_DAYS) status = 'expiring';
  else status = 'healthy';

  const lastError = tags.lastErrorCode
    ? { code: tags.lastErrorCode, at: tags.lastErrorAt, advice: adviceForCode(tags.lastErrorCode) }
    : null;
  return {
    tenantId: input.tenantId,
    orgName: tags.orgName,
    status,
    mfa,
    connectedBy: { oid: tags.connectedByOid, upn: tags.connectedByUpn },
    connectedAt: tags.connectedAt || undefined,
    rotatedAt: tags.rotatedAt || undefined,
    lastRedeemedAt: tags.lastRedeemedAt,
    inactivityDeadline: new Date(deadline).toISOString(),
    daysLeft,
    lastError,
    advice: adviceForStatus(status, errorCode),
  };
}

function adviceForStatus(status: HealthStatus, errorCode: string | undefined) {
  switch (status) {
    case 'healthy':
      return null;
    case 'expiring':
      return adviceForCode('expiring');
    case 'revoked':
      return adviceForCode(errorCode && REVOKED_CODES.has(errorCode) ? errorCode : 'AADSTS50173');
    case 'expired':
      return adviceForCode(errorCode && EXPIRED_CODES.has(errorCode) ? errorCode : 'AADSTS700082');
    case 'mfa_missing':
      return adviceForCode(errorCode && MFA_CODES.has(errorCode) ? errorCode : 'mfa_missing');
    case 'error':
      return adviceForCode(errorCode ?? 'error');
  }
}

function latest(...isoDates: Array<string | undefined>): number | undefined {
  const times = isoDates.map((d) => (d ? Date.parse(d) : NaN)).filter((t) => !Number.isNaN(t));
  return times.length ? Math.max(...times) : undefined;
}
