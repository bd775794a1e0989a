import { randomBytes } from 'node:crypto';
import type { Manifest } from '../emulator/core/manifest';

/**
 * The portal's environment for running against the local Microsoft cloud, derived from its
 * manifest. These are the same variables a real deployment sets (see .env.example); only the
 * URLs, the credentials and CA trust differ.
 */
export function portalEnvFromManifest(
  manifest: Manifest,
  manifestPath: string,
  portalUrl: string,
  sessionSecret: string = randomBytes(32).toString('base64url'),
): Record<string, string> {
  const env: Record<string, string> = {
    EMULATOR_MANIFEST: manifestPath,
    NODE_EXTRA_CA_CERTS: manifest.ca,
    PORTAL_URL: portalUrl,
    NEXTAUTH_URL: portalUrl,
    NEXTAUTH_SECRET: sessionSecret,
    ENTRA_AUTHORITY_HOST: manifest.entra.authorityHost,
    ENTRA_CLIENT_ID: manifest.portalApp.clientId,
    ENTRA_CLIENT_SECRET: manifest.portalApp.clientSecret,
    ENTRA_HOME_TENANT_ID: manifest.portalApp.tenantId,
    // Locally the portal reaches Key Vault as its own app registration; in Azure, managed identity.
    KEY_VAULT_CREDENTIAL: 'app',
  };
  if (manifest.keyVault) {
    env.KEY_VAULT_URL = manifest.keyVault.url;
    // https://localhost:<port> is not under vault.azure.net, so the SDK's challenge check must be off.
    env.KEY_VAULT_DISABLE_CHALLENGE_RESOURCE_VERIFICATION = 'true';
  }
  if (manifest.partnerCenter) {
    env.PARTNER_CENTER_URL = manifest.partnerCenter.url;
    env.PARTNER_CENTER_RESOURCE = manifest.partnerCenter.resource;
  }
  if (manifest.graph) {
    env.GRAPH_URL = manifest.graph.url;
    env.GRAPH_RESOURCE = manifest.graph.resource;
  }
  return env;
}
