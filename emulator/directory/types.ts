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
  /**
   * Partner security groups the user is a member of, by display name (partner-groups.ts), e.g.
   * "AdminAgents". Absent: derived from the user's roles (`defaultGroupsOf`).
   */
  groups?: string[];
}

export interface Tenant {
  id: string;
  name: string;
  /** Verified primary domain, e.g. contoso.onmicrosoft.com. */
  domain: string;
  kind: TenantKind;
  users: DirectoryUser[];
  /**
   * Entra's "Users can consent to apps" setting (Enterprise applications → Consent and
   * permissions). `off`: only an admin may consent, for the whole organization; anyone else who
   * meets a permission nobody granted gets "Need admin approval" (AADSTS90094). Default `allowed`.
   */
  userConsent?: 'allowed' | 'off';
  /** For a customer tenant: the partner whose Partner Center customer it is. */
  partnerTenantId?: string;
}

export interface AppRole {
  id: string;
  value: string;
  displayName: string;
}

/** Delegated permissions the app asks for on one resource ("API permissions" in the portal). */
export interface RequiredResourceAccess {
  resourceAppId: string;
  scopes: string[];
}

/**
 * A certificate uploaded under "Certificates & secrets" (Graph's `keyCredentials` entry): the
 * app can then authenticate with a client assertion signed by the certificate's private key.
 */
export interface KeyCredential {
  keyId: string;
  type: 'AsymmetricX509Cert';
  usage: 'Verify';
  displayName: string;
  /** The certificate, base64 DER (Graph's `key`). */
  key: string;
  /** Validity window (ms since the epoch); outside it Entra refuses the key (AADSTS700027). */
  startDateTime: number;
  endDateTime: number;
}

/** An app registration in its home tenant (multi-tenant apps get a service principal per consenting tenant). */
export interface AppRegistration {
  appId: string;
  displayName: string;
  homeTenantId: string;
  /** Client secret values; any one authenticates the client. */
  secrets: string[];
  /** Certificates; an assertion signed by any one of them authenticates the client. */
  keyCredentials?: KeyCredential[];
  redirectUris: string[];
  /** Front-channel logout targets accepted as `post_logout_redirect_uri` besides the redirect URIs. */
  logoutUris: string[];
  signInAudience: 'AzureADMyOrg' | 'AzureADMultipleOrgs';
  /** App ID URIs under which the app is itself a resource (e.g. `api://<appId>`). */
  identifierUris: string[];
  /** Delegated scopes the app exposes as a resource. */
  exposedScopes: Record<string, string>;
  appRoles: AppRole[];
  requiredResourceAccess: RequiredResourceAccess[];
  /** "ID tokens" ticked under implicit grant: allows `response_type=code id_token`. */
  idTokenImplicitGrant: boolean;
  /**
   * The manifest's `groupMembershipClaims`: `DirectoryRole` or `All` make ID tokens carry `wids`
   * (the user's directory role template ids). Absent or `None`: no `wids` in ID tokens.
   */
  groupMembershipClaims?: 'None' | 'SecurityGroup' | 'DirectoryRole' | 'ApplicationGroup' | 'All';
}

/**
 * A resource (API) tokens can be requested for: a Microsoft first-party API or an app
 * registration that exposes itself. `tokenVersion` mirrors `accessTokenAcceptedVersion`.
 */
export interface ResourceApp {
  appId: string;
  displayName: string;
  /** App ID URIs; the first is canonical. */
  identifierUris: string[];
  /** Delegated scope value → description shown on the consent page. */
  scopes: Record<string, string>;
  tokenVersion: 1 | 2;
  /** First-party Microsoft APIs have a service principal in every tenant. */
  firstParty: boolean;
}

/** A delegated permission grant: admin-wide (`principalOid` absent, "AllPrincipals") or for one user. */
export interface ConsentGrant {
  tenantId: string;
  clientId: string;
  resourceAppId: string;
  scopes: string[];
  principalOid?: string;
  createdAt: number;
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  tenantId: string;
  createdAt: number;
}

/** The parts of the directory that change at runtime; persisted with the rest of Entra's state. */
export interface DirectoryMutableState {
  servicePrincipals: ServicePrincipal[];
  grants: ConsentGrant[];
  /** MFA method switched through the control API, by user object id. */
  mfaOverrides: Record<string, MfaMethod>;
  /** "Revoke sessions": refresh tokens issued before this time (ms) are dead, by user object id. */
  tokensValidFrom: Record<string, number>;
  /**
   * When the customer-access seed was made (ms): its relative dates ("expires in 12 days") count
   * from this day, and it survives restarts so the dates stay put.
   */
  seededAt: number;
  /** Partner group membership set through the control API, by user object id (group names). */
  groupOverrides: Record<string, string[]>;
  /** Changes to seeded GDAP relationships (control API), by relationship id. */
  relationshipOverrides: Record<string, RelationshipOverride>;
  /**
   * An app's consent in a customer tenant where it differs from the seed, keyed
   * `<customer tenant id>|<app id>`: the service principal with its grants, or null once removed.
   */
  customerConsents: Record<string, CustomerAppConsent | null>;
  /** A customer tenant's refusal of partner tokens where it differs from the seed (null: none). */
  delegatedTokenBlocks: Record<string, number | null>;
  /**
   * A Conditional Access policy demanding fresh MFA: refresh tokens from sign-ins before this time
   * (ms) are refused with AADSTS50076, by user object id. Absent in state files written before it.
   */
  mfaRequiredFrom?: Record<string, number>;
}

export interface RelationshipOverride {
  status?: string;
  endAt?: number;
  autoExtendDuration?: 'PT0S' | 'P0D' | 'P180D';
  lastModifiedAt: number;
}

/** A multi-tenant app's service principal in a customer tenant and its admin-wide ("AllPrincipals") grants. */
export interface CustomerAppConsent {
  servicePrincipalId: string;
  createdAt: number;
  /** Resource app id → delegated scopes. */
  grants: Record<string, string[]>;
}
