import {
  adviceForCode,
  connectionEffectOf,
  type Advice,
  type CodeAdvice,
  type GrantResource,
} from '@/lib/entra/aadsts-advice';
import { isEntraError } from '@/lib/entra/entra-error';
import type { StoredStatus } from '@/lib/vault/connection-tags';

/** Statuses after which redeeming again is pointless until someone reconnects (which writes `ok`). */
export function isDeadStatus(status: StoredStatus | undefined): boolean {
  return status === 'expired' || status === 'revoked';
}

/** Advice for a stored `lastErrorCode` such as `AADSTS700082` (lib/entra's one table). */
export function adviceForStoredCode(code: string | undefined): CodeAdvice {
  return adviceForCode(code ?? 'entra_unknown');
}

/** What the broker records about a dead grant: the connection's new status (or none) and the advice. */
export interface DeadGrant {
  aadsts?: number;
  advice: Advice;
  /** `expired` or `revoked` for a dead Partner Center grant; undefined for another resource's. */
  connectionStatus?: 'expired' | 'revoked';
}

/**
 * lib/entra's EntraError with `grantIsDead`, as the broker's `isDeadGrant` wants it. Only a dead
 * Partner Center grant changes the connection (lib/entra/aadsts-advice.ts, connectionEffectOf).
 */
export function deadGrantOf(error: unknown, resource: GrantResource): DeadGrant | undefined {
  if (!isEntraError(error) || !error.grantIsDead) return undefined;
  const effect = connectionEffectOf(error.aadsts, resource);
  return {
    aadsts: error.aadsts,
    advice: error.advice,
    connectionStatus: effect === 'expired' || effect === 'revoked' ? effect : undefined,
  };
}
