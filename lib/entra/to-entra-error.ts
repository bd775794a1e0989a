import 'server-only';
import { unreachableAdvice } from './aadsts-advice';
import { EntraError, isEntraError } from './entra-error';

/** MSAL error codes that mean the token endpoint never answered usefully. */
const TRANSPORT_CODES = new Set([
  'network_error',
  'endpoints_resolution_error',
  'openid_config_error',
  'failed_to_parse_response',
]);

/**
 * Turns whatever msal-node threw into an EntraError. Server errors carry `errorNo` (the first of
 * Entra's `error_codes`); older shapes only have the code inside the description, so that is
 * read too. Transport failures get the "unreachable" advice instead of a generic one.
 */
export function toEntraError(e: unknown): EntraError {
  if (isEntraError(e)) return e;
  if (isMsalAuthError(e)) {
    // Typed as a string, but msal-common copies Entra's JSON `error_codes[0]`, a number, at runtime.
    const errorNo = (e as { errorNo?: unknown }).errorNo;
    const aadsts =
      parseAadsts(errorNo == null ? undefined : String(errorNo)) ?? parseAadsts(e.errorMessage);
    if (aadsts === undefined && TRANSPORT_CODES.has(e.errorCode)) {
      return new EntraError({ error: e.errorCode, advice: unreachableAdvice(), cause: e });
    }
    return new EntraError({
      aadsts,
      error: e.errorCode,
      subError: e.subError || undefined,
      cause: e,
    });
  }
  return new EntraError({ error: 'unexpected_error', cause: e });
}

/**
 * msal-node's AuthError (and its ServerError, InteractionRequiredAuthError ...) by shape: msal
 * may be loaded more than once (bundles, nested copies), so `instanceof` is not reliable.
 */
function isMsalAuthError(
  e: unknown,
): e is Error & { errorCode: string; errorMessage: string; subError: string } {
  return (
    e instanceof Error &&
    typeof (e as { errorCode?: unknown }).errorCode === 'string' &&
    typeof (e as { errorMessage?: unknown }).errorMessage === 'string'
  );
}

/** Reads `700082` out of `"700082"` or `"AADSTS700082: The refresh token..."`. */
export function parseAadsts(text: string | undefined | null): number | undefined {
  if (!text) return undefined;
  const match = /^(\d{4,8})$/.exec(text.trim()) ?? /AADSTS(\d{4,8})/.exec(text);
  return match ? Number(match[1]) : undefined;
}
