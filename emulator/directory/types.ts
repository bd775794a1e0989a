/** The emulated Entra directory: tenants, their users, and the app registrations they consent to. */

export type TenantKind = 'home' | 'partner' | 'customer';
export type MfaMethod = 'totp' | 'approve' | 'none';

export interface DirectoryUser {
  /** Object id (GUID); the `oid` claim. */
  oid: string;
  upn: string;
  displayName: string;
  password: string;
  mfa: MfaMethod;
  /** Base32 TOTP secret when `mfa` is `totp`. */
  totpSecret?: string;
  /** Directory role names, e.g. "Global Administrator"; tokens carry their template ids as `wids`. */
  directoryRoles: string[];
  /** App role values assigned to the user for the portal app, e.g. "Portal.Admin". */
  appRoles: string[];
}

export interface Tenant {
  id: string;
  name: string;
  /** Verified primary domain, e.g. contoso.onmicrosoft.com. */
  domain: string;
  kind: TenantKind;
  users: DirectoryUser[];
}
