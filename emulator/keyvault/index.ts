import type { FastifyInstance } from 'fastify';
import type { Manifest } from '../core/manifest';
import type { EmulatorContext, EmulatorService } from '../core/service';
import { fleetSecrets } from '../seed/fleet-vault-secrets';
import { installVaultAuth } from './auth';
import { registerKeyVaultControl } from './control-routes';
import { DeletedOps } from './deleted-ops';
import type { KeyVaultDirectoryView } from './directory-view';
import { installKvErrorHandling, statusBody } from './errors';
import { registerDeletedRoutes } from './routes/deleted-routes';
import type { KvRouteDeps } from './routes/deps';
import { registerListRoutes } from './routes/list-routes';
import { registerSecretRoutes } from './routes/secret-routes';
import { SecretOps } from './secret-ops';
import { VaultStore, type VaultState } from './store';

const VAULT_NAME = 'portal-vault';

/**
 * Azure Key Vault, secrets API only, served path-based at `ctx.urls.keyVault`. The vault belongs
 * to the portal's home tenant; its challenge names that tenant, so the portal's
 * ClientSecretCredential (issued for the home tenant) passes @azure/identity's tenant check.
 */
export function createKeyVaultService(
  ctx: EmulatorContext,
  directory: KeyVaultDirectoryView,
): EmulatorService {
  const tenantId = () => directory.portalApp.homeTenantId;
  const seed = (): VaultState => {
    const sp = directory.servicePrincipalId(directory.portalApp.clientId, tenantId());
    return {
      secrets: ctx.fleet ? fleetSecrets(ctx.fleet) : {},
      deleted: {},
      roleAssignments: sp ? { [sp]: 'Key Vault Secrets Officer' } : {},
    };
  };
  const store = new VaultStore(ctx.stateDir, seed);
  const deps: KvRouteDeps = {
    store,
    secrets: new SecretOps(store, ctx.clock),
    deleted: new DeletedOps(store, ctx.clock),
    vaultName: VAULT_NAME,
  };

  return {
    name: 'keyvault',
    register(app: FastifyInstance) {
      installKvErrorHandling(app);
      installVaultAuth(app, ctx, tenantId);
      registerSecretRoutes(app, deps);
      registerListRoutes(app, deps);
      registerDeletedRoutes(app, deps);
    },
    registerControl(app: FastifyInstance) {
      registerKeyVaultControl(app, store);
    },
    reset() {
      store.reset();
    },
    manifest(): Partial<Manifest> {
      const clientId = directory.portalApp.clientId;
      const sp = directory.servicePrincipalId(clientId, tenantId());
      return {
        keyVault: {
          url: ctx.urls.keyVault,
          tenantId: tenantId(),
          roleAssignments: Object.entries(store.state.roleAssignments).map(
            ([principalId, role]) => ({
              principalId,
              ...(principalId === sp ? { appId: clientId } : {}),
              role,
            }),
          ),
        },
      };
    },
    faultBody(status: number) {
      return statusBody(status);
    },
  };
}
