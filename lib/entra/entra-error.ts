import 'server-only';
import { AppError, isAppErrorOfKind } from '@/lib/errors/app-error';
import { adviceFor, isDeadGrantCode, type Advice } from './aadsts-advice';

export interface EntraErrorInit {
  /** The numeric AADSTS code (first of `error_codes`), when Entra sent one. */
  aadsts?: number;
  /** The OAuth `error` value (`invalid_grant`, `consent_required`, ...) or MSAL's own code. */
  error: string;
  /** Entra's `suberror`, e.g. `basic_action`, when present. */
  subError?: string;
  /** Advice to use instead of the AADSTS table's, e.g. for a network failure (no AADSTS code). */
  advice?: Advice;
  cause?: unknown;
}

/**
 * A failure talking to Entra ID, already mapped to advice a person can act on. Its message is the
 * advice title (safe to show); Entra's own description stays in `cause` for the logs.
 */
export class EntraError extends AppError {
  readonly kind = 'entra';
  readonly aadsts?: number;
  readonly error: string;
  readonly subError?: string;
  readonly advice: Advice;
  readonly grantIsDead: boolean;

  constructor(init: EntraErrorInit) {
    const advice = init.advice ?? adviceFor(init.aadsts);
    // Dead: only a person signing in (reconnecting) mints a new grant; retrying is pointless.
    const grantIsDead = isDeadGrantCode(init.aadsts);
    // 401 when only a new sign-in helps, 502 when Entra (or the way there) failed.
    super(advice.code, advice.title, grantIsDead ? 401 : 502, { cause: init.cause });
    this.aadsts = init.aadsts;
    this.error = init.error;
    this.subError = init.subError;
    this.advice = advice;
    this.grantIsDead = grantIsDead;
  }
}

/** Shape-based: an EntraError from another bundle's copy of this module counts too. */
export function isEntraError(e: unknown): e is EntraError {
  return isAppErrorOfKind(e, 'entra');
}
