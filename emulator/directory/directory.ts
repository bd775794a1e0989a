import { grantedScopes, recordConsent } from './consent-grants';
import { canGrantTenantWideConsent } from './directory-roles';
import { servicePrincipalObjectId } from './ids';
import { FIRST_PARTY_RESOURCES } from './resource-apps';
import { allResources } from './resources';
import { seedRegistrations, seedTenants } from './seed';
import type {
  AppRegistration,
  DirectoryMutableState,
  DirectoryUser,
  KeyCredential,
  MfaMethod,
  ResourceApp,
  Tenant,
  TenantKind,
} from './types';

export type {
  Tenant,
  TenantKind,
  DirectoryUser,
  AppRegistration,
  KeyCredential,
  ResourceApp,
  MfaMethod,
};

/** Where the directory's runtime state lives; the Entra state store provides it and persists it. */
export interface DirectoryStateHandle {
  directory(): DirectoryMutableState;
  save(): void;
}

export interface PortalAppInfo {
  clientId: string;
  clientSecret: string;
  homeTenantId: string;
  redirectUris: string[];
}

export interface UserInTenant {
  tenant: Tenant;
  user: DirectoryUser;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\/+$/, '');

/**
 * The emulated Entra directory: seeded tenants and users (fixed), customer tenants added by the
 * Partner Center emulator (deterministic, not persisted), app registrations, and per-tenant
 * service principals and consent grants (persisted through the state handle).
 */
export class Directory {
  private readonly tenants: Tenant[];
  private readonly customers: Tenant[] = [];
  /** Every tenant by lower-case id and by lower-case domain: /token looks tenants up per request. */
  private readonly index = new Map<string, Tenant>();
  private readonly apps: AppRegistration[];
  readonly portalApp: PortalAppInfo;

  /** `keyCredentials` adds certificates (made per state folder, so not in the seed) to apps by app id. */
  constructor(
    portalUrl: string,
    private readonly state: DirectoryStateHandle,
    opts: { keyCredentials?: Record<string, KeyCredential[]> } = {},
  ) {
    this.tenants = seedTenants();
    for (const t of this.tenants) this.indexTenant(t);
    this.apps = seedRegistrations(portalUrl).map((app) => {
      const added = opts.keyCredentials?.[app.appId] ?? [];
      return added.length
        ? { ...app, keyCredentials: [...(app.keyCredentials ?? []), ...added] }
        : app;
    });
    const portal = this.apps[0]!;
    this.portalApp = {
      clientId: portal.appId,
      clientSecret: portal.secrets[0]!,
      homeTenantId: portal.homeTenantId,
      redirectUris: [...portal.redirectUris],
    };
  }

  /** App registrations the seed state is built from. */
  registrations(): AppRegistration[] {
    return this.apps;
  }

  /** A tenant by GUID or verified domain, case-insensitive. */
  getTenant(idOrDomain: string): Tenant | undefined {
    return this.index.get(norm(idOrDomain));
  }

  private indexTenant(t: Tenant): void {
    this.index.set(t.id.toLowerCase(), t);
    this.index.set(t.domain.toLowerCase(), t);
  }

  listTenants(kind?: TenantKind): Tenant[] {
    const all = [...this.tenants, ...this.customers];
    return kind ? all.filter((t) => t.kind === kind) : all;
  }

  /** Customer tenants of the Partner Center seed; idempotent, users none. */
  addCustomerTenants(tenants: Array<{ id: string; name: string; domain: string }>): void {
    for (const t of tenants) {
      if (this.getTenant(t.id) || this.getTenant(t.domain)) continue;
      const tenant: Tenant = {
        id: t.id.toLowerCase(),
        name: t.name,
        domain: t.domain.toLowerCase(),
        kind: 'customer',
        users: [],
      };
      this.customers.push(tenant);
      this.indexTenant(tenant);
    }
  }

  getApp(clientId: string): AppRegistration | undefined {
    const key = norm(clientId);
    return this.apps.find((a) => a.appId === key);
  }

  findUser(upn: string): UserInTenant | undefined {
    const key = norm(upn);
    for (const tenant of this.tenants) {
      const user = tenant.users.find((u) => u.upn.toLowerCase() === key);
      if (user) return { tenant, user };
    }
    return undefined;
  }

  findUserByOid(oid: string): UserInTenant | undefined {
    for (const tenant of this.tenants) {
      const user = tenant.users.find((u) => u.oid === oid);
      if (user) return { tenant, user };
    }
    return undefined;
  }

  /** The user's MFA method, after any switch through the control API. */
  mfaOf(user: DirectoryUser): MfaMethod {
    return this.state.directory().mfaOverrides[user.oid] ?? user.mfa;
  }

  setMfa(oid: string, mfa: MfaMethod): void {
    this.state.directory().mfaOverrides[oid] = mfa;
    this.state.save();
  }

  /** "Revoke sessions": refresh tokens and sign-in sessions issued before `at` stop working. */
  revokeSessions(oid: string, at: number): void {
    this.state.directory().tokensValidFrom[oid] = at;
    this.state.save();
  }

  tokensValidFrom(oid: string): number | undefined {
    return this.state.directory().tokensValidFrom[oid];
  }

  isConsentAdmin(user: DirectoryUser): boolean {
    return canGrantTenantWideConsent(user.directoryRoles);
  }

  /** A resource by App ID URI or app id (case-insensitive, trailing slash ignored). */
  resolveResource(identifier: string): ResourceApp | undefined {
    const key = norm(identifier);
    return this.resources().find(
      (r) => r.appId === key || r.identifierUris.some((u) => norm(u) === key),
    );
  }

  resourceById(appId: string): ResourceApp | undefined {
    return this.resources().find((r) => r.appId === appId);
  }

  /** Object id of the app's service principal in the tenant: the `oid` of its app-only tokens. */
  servicePrincipalId(appId: string, tenantId: string): string | undefined {
    const app = norm(appId);
    const tenant = this.getTenant(tenantId);
    if (!tenant) return undefined;
    if (FIRST_PARTY_RESOURCES.some((r) => r.appId === app))
      return servicePrincipalObjectId(app, tenant.id);
    return this.state
      .directory()
      .servicePrincipals.find((sp) => sp.appId === app && sp.tenantId === tenant.id)?.id;
  }

  /** Delegated scopes the client holds on the resource for this user: admin-wide plus the user's own grants. */
  grantedScopes(
    tenantId: string,
    clientId: string,
    resourceAppId: string,
    userOid: string,
  ): string[] {
    return grantedScopes(this.state.directory(), { tenantId, clientId, resourceAppId }, userOid);
  }

  /** Records a user's (or, with `userOid` undefined, a tenant-wide) consent and persists it. */
  grantConsent(
    tenantId: string,
    clientId: string,
    userOid: string | undefined,
    scopesByResource: Map<string, string[]>,
    now: number,
  ): void {
    recordConsent(this.state.directory(), tenantId, clientId, userOid, scopesByResource, now);
    this.state.save();
  }

  private resources(): ResourceApp[] {
    return allResources(this.apps);
  }
}
