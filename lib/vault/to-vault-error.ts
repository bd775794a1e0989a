import 'server-only';
import { isVaultError, VaultError, type VaultErrorCode } from './vault-error';

// AuthenticationRequiredError: what @azure/identity 4 throws when Entra refuses the app's own credential (AADSTS7000215).
const CREDENTIAL_ERRORS = new Set([
  'AuthenticationError',
  'AuthenticationRequiredError',
  'CredentialUnavailableError',
  'AggregateAuthenticationError',
]);

/**
 * Maps what @azure/keyvault-secrets or @azure/identity threw to a VaultError. Duck-typed on
 * `name`/`statusCode` because RestError comes from a transitive package we do not import.
 */
export function toVaultError(e: unknown): VaultError {
  if (isVaultError(e)) return e;
  return new VaultError(classify(e), { cause: e });
}

function classify(e: unknown): VaultErrorCode {
  if (!(e instanceof Error)) return 'vault_error';
  if (CREDENTIAL_ERRORS.has(e.name)) return 'vault_credential_failed';
  const { statusCode, code } = e as { statusCode?: number; code?: string };
  if (statusCode === 401 || statusCode === 403) return 'vault_forbidden';
  if (statusCode === 409) return 'vault_conflict';
  if (statusCode === 429 || (statusCode !== undefined && statusCode >= 500))
    return 'vault_unreachable';
  if (statusCode === undefined && (e.name === 'RestError' || isNetworkCode(code)))
    return 'vault_unreachable';
  return 'vault_error';
}

function isNetworkCode(code: string | undefined): boolean {
  return (
    code !== undefined &&
    /^(REQUEST_SEND_ERROR|ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|UND_ERR_)/.test(
      code,
    )
  );
}
