import { KvError } from './errors';
import type { VaultPrincipal } from './auth';

export type VaultRole = 'Key Vault Secrets Officer' | 'Key Vault Secrets User';
export const VAULT_ROLES: readonly VaultRole[] = [
  'Key Vault Secrets Officer',
  'Key Vault Secrets User',
];

/** Secret data actions, named as Azure RBAC names them in its 403 messages. */
export type SecretAction =
  'getSecret' | 'readMetadata' | 'setSecret' | 'update' | 'delete' | 'recover' | 'purge';

const ACTION_NAMES: Record<SecretAction, string> = {
  getSecret: 'Microsoft.KeyVault/vaults/secrets/getSecret/action',
  readMetadata: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
  setSecret: 'Microsoft.KeyVault/vaults/secrets/setSecret/action',
  update: 'Microsoft.KeyVault/vaults/secrets/update/action',
  delete: 'Microsoft.KeyVault/vaults/secrets/delete',
  recover: 'Microsoft.KeyVault/vaults/secrets/recover/action',
  purge: 'Microsoft.KeyVault/vaults/secrets/purge/action',
};

// Secrets User is the built-in read-only role: getSecret + readMetadata. Officer has secrets/*.
const USER_ACTIONS: ReadonlySet<SecretAction> = new Set(['getSecret', 'readMetadata']);

export function roleAllows(role: VaultRole | undefined, action: SecretAction): boolean {
  if (role === 'Key Vault Secrets Officer') return true;
  if (role === 'Key Vault Secrets User') return USER_ACTIONS.has(action);
  return false;
}

/**
 * Key Vault's RBAC denial: 403 Forbidden, innererror ForbiddenByRbac, and the multi-line
 * "Caller is not authorized" text real vaults send (CRLF line breaks included).
 */
export function forbiddenByRbac(
  principal: VaultPrincipal,
  action: SecretAction,
  resource: string,
  vaultName: string,
): KvError {
  const caller = `${principal.appid ? `appid=${principal.appid};` : ''}oid=${principal.oid};iss=${principal.iss}`;
  const message = [
    'Caller is not authorized to perform action on resource.',
    'If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.',
    `Caller: ${caller}`,
    `Action: '${ACTION_NAMES[action]}'`,
    `Resource: '${resource}'`,
    'Assignment: (not found)',
    'DenyAssignmentId: null',
    "DecisionReason: 'DeniedWithNoValidRBAC' ",
    `Vault: ${vaultName};location=local`,
    '',
  ].join('\r\n');
  return new KvError(403, 'Forbidden', message, 'ForbiddenByRbac');
}
