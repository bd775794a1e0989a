import 'server-only';
import { parseAadsts } from '@/lib/entra/to-entra-error';
import { ConnectFailure } from './connect-failure';

/**
 * Entra redirected back with `error` instead of a code. Cancelling or declining consent
 * (`access_denied`, AADSTS65004) is its own failure; otherwise the AADSTS code in the
 * description picks the advice. The description itself is Entra's text and is not shown.
 */
export function failureFromAuthorizeError(
  error: string,
  description: string | null,
): ConnectFailure {
  const aadsts = parseAadsts(description);
  if (error === 'access_denied' || aadsts === 65004) {
    return new ConnectFailure('consent_declined', 'authorize', { error, aadsts });
  }
  return new ConnectFailure(aadsts ? `AADSTS${aadsts}` : 'entra_unknown', 'authorize', {
    error: error.slice(0, 64),
    aadsts,
  });
}
