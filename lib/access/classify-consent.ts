import type { CustomerAdvice } from './customer-advice';
import { customerGraphAdvice, customerTokenAdvice } from './customer-advice';
import type { ConsentState } from './types';

/** What one consent check (§4 of the reference) produced, before classification. */
export type ConsentCheckOutcome =
  /** No active GDAP relationship: there is no delegated path to check through. */
  | { kind: 'not-checked' }
  /** The customer-authority token request failed with this AADSTS code (or none). */
  | { kind: 'token-error'; aadsts?: number }
  /** A Graph call in the customer tenant failed. */
  | { kind: 'graph-error'; status?: number; graphCode?: string }
  /** The app has no service principal in the customer tenant. */
  | { kind: 'no-service-principal' }
  /** The service principal exists; these delegated scopes are granted to it on the resource checked. */
  | { kind: 'service-principal'; grantedScopes: readonly string[] };

export interface ConsentClassification {
  consent: ConsentState;
  /** Scopes the configuration asks for that the tenant has not granted (partial). */
  missingScopes: string[];
  /** The row's last error, when the check itself failed (not when consent is simply missing). */
  error?: CustomerAdvice;
}

/** Consent is missing, not broken: Entra says so for the app (65001) or for partner delegated admins (90099). */
const NOT_CONSENTED = new Set([65001, 90099]);

/** Maps a check's outcome to the row's consent state, per the reference's §4.4 model. */
export function classifyConsent(
  outcome: ConsentCheckOutcome,
  requiredScopes: readonly string[],
): ConsentClassification {
  switch (outcome.kind) {
    case 'not-checked':
      return { consent: 'unknown', missingScopes: [] };
    case 'token-error':
      if (outcome.aadsts !== undefined && NOT_CONSENTED.has(outcome.aadsts))
        return { consent: 'missing', missingScopes: [...requiredScopes] };
      return { consent: 'error', missingScopes: [], error: customerTokenAdvice(outcome.aadsts) };
    case 'graph-error':
      // "The identity of the calling application could not be established": not consented yet.
      if (outcome.graphCode === 'Authorization_IdentityNotFound')
        return { consent: 'missing', missingScopes: [...requiredScopes] };
      return {
        consent: 'error',
        missingScopes: [],
        error: customerGraphAdvice(outcome.graphCode, outcome.status),
      };
    case 'no-service-principal':
      return { consent: 'missing', missingScopes: [...requiredScopes] };
    case 'service-principal': {
      const granted = new Set(outcome.grantedScopes.map((s) => s.toLowerCase()));
      const missingScopes = requiredScopes.filter((s) => !granted.has(s.toLowerCase()));
      return { consent: missingScopes.length ? 'partial' : 'granted', missingScopes };
    }
  }
}
