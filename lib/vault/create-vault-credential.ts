import 'server-only';
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  type TokenCredential,
} from '@azure/identity';
import type { Env } from '@/lib/config';

/**
 * How the portal authenticates to Key Vault, chosen by configuration alone:
 * `default` → DefaultAzureCredential (managed identity, workload identity, Azure CLI ...);
 * `app` → the portal's own app registration in its home tenant (secret or certificate).
 * `disableInstanceDiscovery` trusts the configured authority host without asking the public
 * cloud about it, which national clouds and the local emulator both need.
 */
export function createVaultCredential(config: Env): TokenCredential {
  const options = { authorityHost: config.ENTRA_AUTHORITY_HOST, disableInstanceDiscovery: true };
  if (config.KEY_VAULT_CREDENTIAL === 'default')
    return new DefaultAzureCredential({ authorityHost: config.ENTRA_AUTHORITY_HOST });
  if (config.ENTRA_CLIENT_CERTIFICATE_PATH) {
    return new ClientCertificateCredential(
      config.ENTRA_HOME_TENANT_ID,
      config.ENTRA_CLIENT_ID,
      { certificatePath: config.ENTRA_CLIENT_CERTIFICATE_PATH },
      options,
    );
  }
  return new ClientSecretCredential(
    config.ENTRA_HOME_TENANT_ID,
    config.ENTRA_CLIENT_ID,
    config.ENTRA_CLIENT_SECRET ?? '',
    options,
  );
}
