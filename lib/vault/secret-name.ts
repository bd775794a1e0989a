import 'server-only';
import { VaultError } from './vault-error';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The secret name for a partner tenant: the tenant id itself, as Microsoft's SAM samples name it,
 * so a vault those samples filled keeps working. Lower-cased so one tenant has one name.
 */
export function secretNameFor(tenantId: string): string {
  if (!GUID.test(tenantId)) throw new VaultError('vault_invalid_name');
  return tenantId.toLowerCase();
}

/** Whether a secret in the vault is one of ours (other secrets may share the vault). */
export function isTenantSecretName(name: string): boolean {
  return GUID.test(name);
}
