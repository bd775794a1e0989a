import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { adviceForCode, healthEffectOfCode } from '@/lib/entra/aadsts-advice';
import { GDAP_READ_PERMISSION } from '@/lib/entra/partner-center-scopes';
import type { ConnectionTags } from '@/lib/vault';
import {
  EXPIRING_WITHIN_DAYS,
  INACTIVITY_LIMIT_DAYS,
  type ConnectionHealth,
  type HealthStatus,
} from './connection-health';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A connection's health from its Key Vault tags and the clock. The 90-day inactivity window
 * counts from the stored token's last use (redemption or rotation). A failure recorded by the
 * last check decides the status until a later check succeeds (status `ok`).
 */
export function computeHealth(
  input: { tenantId: TenantId; tags: ConnectionTags; updatedOn: Date },
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
  // lib/entra/aadsts-advice.ts classifies the code, the same table the broker marks grants with.
  const effect = healthEffectOfCode(errorCode);

  let status: HealthStatus;
  if (tags.status === 'revoked' || effect === 'revoked') status = 'revoked';
  else if (tags.status === 'expired' || effect === 'expired' || now >= deadline) status = 'expired';
  else if (tags.status === 'mfa_missing' || mfa === 'missing' || effect === 'mfa_missing')
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
    advice: adviceForStatus(status, errorCode, effect),
    // A dead or failing connection's own advice comes first; the new permission is asked for once it works.
    permissionNeeded: status === 'healthy' || status === 'expiring' ? permissionNeeded(tags) : null,
  };
}

/** The recorded code's own advice when it explains the status; otherwise the status's usual cause. */
function adviceForStatus(
  status: HealthStatus,
  errorCode: string | undefined,
  effect: ReturnType<typeof healthEffectOfCode>,
) {
  const own = errorCode && effect === status ? errorCode : undefined;
  switch (status) {
    case 'healthy':
      return null;
    case 'expiring':
      return adviceForCode('expiring');
    case 'revoked':
      return adviceForCode(own ?? 'AADSTS50173');
    case 'expired':
      return adviceForCode(own ?? 'AADSTS700082');
    case 'mfa_missing':
      return adviceForCode(own ?? 'mfa_missing');
    case 'error':
      return adviceForCode(errorCode ?? 'error');
  }
}

function latest(...isoDates: Array<string | undefined>): number | undefined {
  const times = isoDates.map((d) => (d ? Date.parse(d) : NaN)).filter((t) => !Number.isNaN(t));
  return times.length ? Math.max(...times) : undefined;
}

/**
 * A grant made before the portal asked for Graph's GDAP read permission does not carry it (the
 * connect flow records the Graph scopes it got in the `scopes` tag).
 */
function permissionNeeded(tags: ConnectionTags): ConnectionHealth['permissionNeeded'] {
  const scopes = tags.scopes.toLowerCase().split(' ');
  if (scopes.includes(GDAP_READ_PERMISSION.toLowerCase())) return null;
  const consent = adviceForCode('AADSTS65001');
  return {
    permission: GDAP_READ_PERMISSION,
    advice: {
      ...consent,
      title: 'Reconnect to grant the new permission',
      cause: `The portal now also reads GDAP relationships from Microsoft Graph (${GDAP_READ_PERMISSION}). This connection was made before it asked for that permission, so Graph answers AADSTS65001 (consent missing). Partner Center keeps working.`,
      fix: 'A Global Administrator with the Admin Agent role reconnects the tenant from the Connections page and accepts the consent prompt, which now lists Microsoft Graph too.',
    },
  };
}
