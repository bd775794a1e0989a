import 'server-only';
import { parseTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { VaultError } from './vault-error';

/**
 * The secret name for a partner tenant: the tenant id itself (lower case, as TenantId is), as
 * Microsoft's SAM samples name it, so a vault those samples filled keeps working.
 */
export function secretNameFor(tenantId: TenantId): string {
  // The type says it is parsed; a secret name is a path segment, so a value cast past the type
  // (a test, a future caller) is refused here rather than sent to the vault.
  if (parseTenantId(tenantId) !== tenantId) throw new VaultError('vault_invalid_name');
  return tenantId;
}

/** The tenant a secret belongs to, or undefined for other secrets sharing the vault. */
export function tenantOfSecretName(name: string): TenantId | undefined {
  return parseTenantId(name);
}
