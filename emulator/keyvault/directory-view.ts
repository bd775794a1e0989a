/**
 * What Key Vault needs from the Entra emulator's directory (emulator/directory/directory.ts):
 * which tenant the vault lives in, and the portal app's service principal to seed as Secrets
 * Officer. Structural, so the real Directory class satisfies it.
 */
export interface KeyVaultDirectoryView {
  readonly portalApp: { clientId: string; homeTenantId: string };
  /** Object id of the app's service principal in the tenant (`oid` of its app-only tokens). */
  servicePrincipalId(appId: string, tenantId: string): string | undefined;
}
