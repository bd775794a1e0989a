import 'server-only';
import type { EntraError } from '@/lib/entra/entra-error';
import { ConnectFailure } from './connect-failure';

/** A failed code redemption as a connect failure; a reused code and a bad nonce get their own pages. */
export function failureFromEntraError(e: EntraError): ConnectFailure {
  const details = { error: e.error, aadsts: e.aadsts, subError: e.subError };
  if (e.aadsts === 54005) return new ConnectFailure('code_reused', 'redeem', details, { cause: e });
  if (e.error === 'nonce_mismatch')
    return new ConnectFailure('nonce_mismatch', 'redeem', details, { cause: e });
  return new ConnectFailure(e.code, 'redeem', details, { cause: e });
}
