import type { MfaMethod, TenantKind } from '../directory/types';
import type { FleetState } from '../seed/partner-fleet';

/**
 * `.emulator/manifest.json`: the contract between the local Microsoft cloud and the demo, the
 * tests and any tool. It holds demo credentials, so it lives in the git-ignored state folder.
 */
export interface Manifest {
  /** PEM file of the local CA; give it to Node as NODE_EXTRA_CA_CERTS. */
  ca: string;
  entra: {
    /** HTTPS authority host for SDKs (discovery, token, keys). */
    authorityHost: string;
    /** Plain-http origin of the browser-facing pages (authorize, sign-in, consent, logout). */
    browserHost: string;
  };
  keyVault?: {
    url: string;
    /** Tenant in the vault's 401 challenge; the portal's credential must be for this tenant. */
    tenantId: string;
    roleAssignments: Array<{
      principalId: string;
      appId?: string;
      role: 'Key Vault Secrets Officer' | 'Key Vault Secrets User';
    }>;
  };
  partnerCenter?: { url: string; resource: string };
  /**
   * Microsoft Graph: base URL (the portal's GRAPH_URL), the resource tokens are asked for,
   * and the Graph scopes a complete consent of the portal app holds in a seeded customer tenant.
   */
  graph?: { url: string; resource: string; appConsentScopes: string[] };
  /** Test-only control API. The portal never calls it. */
  control: { url: string };
  portalApp: {
    clientId: string;
    clientSecret: string;
    tenantId: string;
    redirectUris: string[];
    /** PEM with the certificate registered on the app and its private key (ENTRA_CLIENT_CERTIFICATE_PATH). */
    certificatePath?: string;
  };
  /** `--partners N`: the seeded connected partners, by health state (absent without the switch). */
  fleet?: {
    adminPassword: string;
    partners: Array<{ id: string; name: string; state: FleetState; adminUpn: string }>;
  };
  tenants: Array<{
    id: string;
    name: string;
    domain: string;
    kind: TenantKind;
    /** Entra's "Users can consent to apps": `off` means only an admin may consent (AADSTS90094 for others). */
    userConsent?: 'allowed' | 'off';
    users: Array<{
      upn: string;
      oid: string;
      password: string;
      mfa: MfaMethod;
      totpSecret?: string;
      appRoles: string[];
      directoryRoles: string[];
    }>;
  }>;
}
