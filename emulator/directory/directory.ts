import { SEEDED_APP_CONSENT_SCOPES } from '../seed/customer-access';
import { grantedScopes, recordConsent } from './consent-grants';
import { DelegatedAdmin, groupIdsOf } from './delegated-admin';
import { canGrantTenantWideConsent } from './directory-roles';
import { servicePrincipalObjectId } from './ids';
import { defaultGroupsOf, partnerGroups, type SecurityGroup } from './partner-groups';
import { FIRST_PARTY_RESOURCES, MICROSOFT_GRAPH } from './resource-apps';
import { allResources } from './resources';
import { seedRegistrations, seedTenants } from './seed';
import type {
  AppRegistration,
  CustomerAppConsent,
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
  private readonly customersByPartner = new Map<string, Tenant[]>();
  /** Every tenant by lower-case id and by lower-case domain: /token looks tenants up per request. */
  private readonly index = new Map<string, Tenant>();
  private readonly now: () => number;
  private readonly apps: AppRegistration[];
  readonly portalApp: PortalAppInfo;
  /** GDAP relationships between the partner tenants and their customers. */
  readonly delegatedAdmin: DelegatedAdmin;

  /** `keyCredentials` adds certificates (made per state folder, so not in the seed) to apps by app id. */
  constructor(
    portalUrl: string,
    private readonly state: DirectoryStateHandle,
    opts: {
      keyCredentials?: Record<string, KeyCredential[]>;
      now?: () => number;
      extraTenants?: Tenant[];
    } = {},
  ) {
    this.now = opts.now ?? (() => Date.now());
    // Extra tenants: the `--partners N` fleet (emulator/seed/partner-fleet.ts).
    this.tenants = [...seedTenants(), ...(opts.extraTenants ?? [])];
    for (const t of this.tenants) this.indexTenant(t);
    this.apps = seedRegistrations(portalUrl).map((app) => {
      const added = opts.keyCredentials?.[app.appId] ?? [];
      return added.length
        ? { ...app, keyCredentials: [...(app.keyCredentials ?? []), ...added] }
        : app;
    });
    this.delegatedAdmin = new DelegatedAdmin({
      state: () => this.state.directory(),
      save: () => this.state.save(),
      now: () => this.now(),
      customerTenants: (partner) => this.customersByPartner.get(partner.toLowerCase()) ?? [],
      tenant: (id) => this.getTenant(id),
      partnerIds: () => this.listTenants('partner').map((t) => t.id),
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

  /** Customer tenants of the Partner Center seed, with the partner they belong to; idempotent, users none. */
  addCustomerTenants(
    tenants: Array<{ id: string; name: string; domain: string; partnerTenantId?: string }>,
  ): void {
    for (const t of tenants) {
      if (this.getTenant(t.id) || this.getTenant(t.domain)) continue;
      const tenant: Tenant = {
        id: t.id.toLowerCase(),
        name: t.name,
        domain: t.domain.toLowerCase(),
        kind: 'customer',
        users: [],
        ...(t.partnerTenantId ? { partnerTenantId: t.partnerTenantId.toLowerCase() } : {}),
      };
      this.customers.push(tenant);
      this.indexTenant(tenant);
      if (tenant.partnerTenantId) {
        const list = this.customersByPartner.get(tenant.partnerTenantId) ?? [];
        list.push(tenant);
        this.customersByPartner.set(tenant.partnerTenantId, list);
      }
    }
  }

  /** The security groups of a partner tenant (AdminAgents, the GDAP groups). */
  securityGroups(tenantId: string): SecurityGroup[] {
    const t = this.getTenant(tenantId);
    return t && t.kind === 'partner' ? partnerGroups(t.id) : [];
  }

  /** Names of the partner groups the user is in: a control-API override, the seed, or the default. */
  groupNamesOf(user: DirectoryUser): string[] {
    return this.state.directory().groupOverrides[user.oid] ?? user.groups ?? defaultGroupsOf(user);
  }

  /** Ids of the groups the user is in, in their home tenant. */
  groupIdsOf(user: DirectoryUser, homeTenantId: string): Set<string> {
    return groupIdsOf(homeTenantId, this.groupNamesOf(user));
  }

  isAdminAgent(user: DirectoryUser): boolean {
    return this.groupNamesOf(user).includes('AdminAgents');
  }

  setGroups(oid: string, names: string[]): void {
    this.state.directory().groupOverrides[oid] = [...names];
    this.state.save();
  }

  /** Role template ids a partner user holds in a customer tenant through GDAP (none: no delegated access). */
  delegatedRoles(user: DirectoryUser, partnerTenantId: string, customerTenantId: string): string[] {
    return this.delegatedAdmin.delegatedRoles(
      partnerTenantId,
      this.groupIdsOf(user, partnerTenantId),
      customerTenantId,
    );
  }

  /** The AADSTS code a customer tenant answers partner tokens with, if it refuses them. */
  delegatedTokenBlock(customerTenantId: string): number | undefined {
    const t = this.getTenant(customerTenantId);
    if (!t) return undefined;
    const o = this.state.directory().delegatedTokenBlocks[t.id];
    if (o !== undefined) return o ?? undefined;
    return this.delegatedAdmin.seedOf(t.id)?.tokenBlock;
  }

  setDelegatedTokenBlock(customerTenantId: string, code: number | null): void {
    this.state.directory().delegatedTokenBlocks[customerTenantId.toLowerCase()] = code;
    this.state.save();
  }

  /**
   * A multi-tenant app's service principal and admin-wide grants in a customer tenant: what
   * Partner Center's applicationconsents created or removed, else the seed (the portal app only).
   */
  customerAppConsent(tenantId: string, appId: string): CustomerAppConsent | undefined {
    const t = this.getTenant(tenantId);
    if (!t || t.kind !== 'customer') return undefined;
    const app = norm(appId);
    const o = this.state.directory().customerConsents[`${t.id}|${app}`];
    if (o !== undefined) return o ?? undefined;
    if (app !== this.portalApp.clientId) return undefined;
    const seed = this.delegatedAdmin.seedOf(t.id);
    if (!seed || seed.consentScopes.length === 0) return undefined;
    return {
      servicePrincipalId: servicePrincipalObjectId(app, t.id),
      createdAt: this.state.directory().seededAt - 400 * 86_400_000,
      grants: { [MICROSOFT_GRAPH.appId]: [...seed.consentScopes] },
    };
  }

  /** Partner Center consent: creates the app's service principal and grants; false when one exists. */
  grantCustomerConsent(
    tenantId: string,
    appId: string,
    grants: Record<string, string[]>,
    now: number,
  ): boolean {
    const t = this.getTenant(tenantId);
    if (!t || t.kind !== 'customer') return false;
    if (this.customerAppConsent(t.id, appId)) return false;
    this.state.directory().customerConsents[`${t.id}|${norm(appId)}`] = {
      servicePrincipalId: servicePrincipalObjectId(norm(appId), t.id),
      createdAt: now,
      grants,
    };
    this.state.save();
    return true;
  }

  /** Deletes the app's service principal (and so its grants) from a customer tenant; false when absent. */
  removeCustomerConsent(tenantId: string, appId: string): boolean {
    const t = this.getTenant(tenantId);
    if (!t || !this.customerAppConsent(t.id, appId)) return false;
    this.state.directory().customerConsents[`${t.id}|${norm(appId)}`] = null;
    this.state.save();
    return true;
  }

  /** The seeded full consent scope set (the manifest publishes it for the portal's configuration). */
  static readonly seededConsentScopes = SEEDED_APP_CONSENT_SCOPES;

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

  /** Sign-ins before this time must do MFA again (a Conditional Access demand), if set. */
  mfaRequiredFrom(oid: string): number | undefined {
    return this.state.directory().mfaRequiredFrom?.[oid];
  }

  isConsentAdmin(user: DirectoryUser): boolean {
    return canGrantTenantWideConsent(user.directoryRoles);
  }

  /** Whether the user may consent at all: anyone, unless the tenant turned user consent off. */
  mayConsent(tenant: Tenant, user: DirectoryUser): boolean {
    return tenant.userConsent !== 'off' || this.isConsentAdmin(user);
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
    if (tenant.kind === 'customer')
      return this.customerAppConsent(tenant.id, app)?.servicePrincipalId;
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
    const tenant = this.getTenant(tenantId);
    if (tenant?.kind === 'customer')
      return [...(this.customerAppConsent(tenant.id, clientId)?.grants[resourceAppId] ?? [])];
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
