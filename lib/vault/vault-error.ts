import 'server-only';
import { AppError, isAppErrorOfKind } from '@/lib/errors/app-error';

export type VaultErrorCode =
  | 'vault_forbidden'
  | 'vault_unreachable'
  | 'vault_credential_failed'
  | 'vault_conflict'
  | 'vault_invalid_name'
  | 'vault_error';

const MESSAGES: Record<VaultErrorCode, string> = {
  vault_forbidden:
    'The portal is not allowed to use the Key Vault (access policy, RBAC role or firewall).',
  vault_unreachable: 'The Key Vault could not be reached or is unavailable.',
  vault_credential_failed: 'The portal could not obtain a token for the Key Vault.',
  vault_conflict: 'The Key Vault secret is being deleted; try again in a moment.',
  vault_invalid_name: 'That is not a valid tenant id.',
  vault_error: 'The Key Vault request failed.',
};

const STATUS: Record<VaultErrorCode, number> = {
  vault_forbidden: 502,
  vault_unreachable: 503,
  vault_credential_failed: 502,
  vault_conflict: 409,
  vault_invalid_name: 400,
  vault_error: 502,
};

/** A Key Vault failure with a stable code and a message safe to show (no URLs with secrets, no values). */
export class VaultError extends AppError {
  readonly kind = 'vault';
  constructor(
    override readonly code: VaultErrorCode,
    options?: { cause?: unknown },
  ) {
    super(code, MESSAGES[code], STATUS[code], options);
  }
}

/** Shape-based: a VaultError from another bundle's copy of this module counts too. */
export function isVaultError(e: unknown): e is VaultError {
  return isAppErrorOfKind(e, 'vault');
}
