import { adviceFor, type Advice } from '@/lib/entra/aadsts-advice';
import { isEntraError } from '@/lib/entra/entra-error';
import type { StoredStatus } from '@/lib/vault/connection-tags';

/** How a dead grant is recorded in the connection's tags: inactivity/sign-in frequency → expired; revocation or lost consent → revoked. */
export function statusForDeadGrant(aadsts: number | undefined): StoredStatus {
  return aadsts === 700082 || aadsts === 70043 ? 'expired' : 'revoked';
}

/** Statuses after which redeeming again is pointless until someone reconnects (which writes `ok`). */
export function isDeadStatus(status: StoredStatus | undefined): boolean {
  return status === 'expired' || status === 'revoked';
}

/** Advice for a stored `lastErrorCode` such as `AADSTS700082`. */
export function adviceForStoredCode(code: string | undefined): Advice {
  const n = code?.match(/^AADSTS(\d+)$/)?.[1];
  return adviceFor(n === undefined ? undefined : Number(n));
}

/** lib/entra's EntraError with `grantIsDead`, as the broker's `isDeadGrant` wants it. */
export function deadGrantOf(error: unknown): { aadsts?: number; advice: Advice } | undefined {
  return isEntraError(error) && error.grantIsDead
    ? { aadsts: error.aadsts, advice: error.advice }
    : undefined;
}
