import type { FastifyRequest } from 'fastify';
import { requireApiVersion } from '../api-version';
import { principalOf } from '../auth';
import type { DeletedOps } from '../deleted-ops';
import { vaultOrigin } from '../ids';
import { forbiddenByRbac, roleAllows, type SecretAction } from '../roles';
import type { SecretOps } from '../secret-ops';
import type { VaultStore } from '../store';
import { requireSecretName } from '../validate';

export interface KvRouteDeps {
  store: VaultStore;
  secrets: SecretOps;
  deleted: DeletedOps;
  /** Name shown in RBAC messages and resource ids. */
  vaultName: string;
}

/**
 * What every secrets route checks, in order: api-version, the caller's role for `action`, then
 * the secret name. Returns what the handler needs to build its response.
 */
export function guard(
  deps: KvRouteDeps,
  req: FastifyRequest,
  action: SecretAction,
  name?: string,
): { apiVersion: string; origin: string } {
  const apiVersion = requireApiVersion(req);
  const principal = principalOf(req);
  if (!roleAllows(deps.store.state.roleAssignments[principal.oid], action)) {
    const resource = `/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/local/providers/microsoft.keyvault/vaults/${deps.vaultName}${name ? `/secrets/${name}` : ''}`;
    throw forbiddenByRbac(principal, action, resource, deps.vaultName);
  }
  if (name !== undefined) requireSecretName(name);
  deps.deleted.purgeExpired();
  return { apiVersion, origin: vaultOrigin(req) };
}
