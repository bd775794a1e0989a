import {
  seedCustomerAccess,
  type AutoExtendDuration,
  type RelationshipStatus,
  type SeedCustomerAccess,
  type SeedRelationship,
} from '../seed/customer-access';
import { guidFromName } from './ids';
import { partnerGroupId, type PartnerGroupName } from './partner-groups';
import type { DirectoryMutableState, RelationshipOverride, Tenant } from './types';

const DAY = 86_400_000;
const AUTO_EXTEND_MS = 180 * DAY;

/** A relationship as Graph shows it now: the seed, then control-API changes, then the clock. */
export type Relationship = SeedRelationship;

interface PartnerIndex {
  /** Relationships in a stable order (customer name, then id), as Graph lists them. */
  list: SeedRelationship[];
  byId: Map<string, SeedRelationship>;
}

/**
 * GDAP in the emulated cloud: the seeded relationships of every partner with its customers
 * (generated on demand from `seedCustomerAccess`, cached per partner and per customer), the
 * overrides the control API made, and the rule that decides which roles a partner user holds in
 * a customer tenant. Entra (customer-tenant tokens), Graph (the GDAP API) and Partner Center
 * (application consents) all ask this one place.
 */
export class DelegatedAdmin {
  private partners = new Map<string, PartnerIndex>();
  private customers = new Map<string, SeedCustomerAccess>();
  private cachedFor = -1;

  private readonly state: () => DirectoryMutableState;
  private readonly save: () => void;
  private readonly now: () => number;
  private readonly customerTenants: (partnerTenantId: string) => Tenant[];
  private readonly tenant: (id: string) => Tenant | undefined;
  private readonly partnerIds: () => string[];

  constructor(deps: {
    state: () => DirectoryMutableState;
    save: () => void;
    now: () => number;
    customerTenants: (partnerTenantId: string) => Tenant[];
    tenant: (id: string) => Tenant | undefined;
    partnerIds: () => string[];
  }) {
    this.state = deps.state;
    this.save = deps.save;
    this.now = deps.now;
    this.customerTenants = deps.customerTenants;
    this.tenant = deps.tenant;
    this.partnerIds = deps.partnerIds;
  }

  /** The seed for one customer tenant, or undefined when it is no partner's customer. */
  seedOf(customerTenantId: string): SeedCustomerAccess | undefined {
    this.checkCache();
    const t = this.tenant(customerTenantId);
    if (!t || t.kind !== 'customer' || !t.partnerTenantId) return undefined;
    let s = this.customers.get(t.id);
    if (!s) {
      s = seedCustomerAccess(
        t.partnerTenantId,
        { id: t.id, displayName: t.name },
        this.state().seededAt,
      );
      this.customers.set(t.id, s);
    }
    return s;
  }

  /** Every relationship of a partner tenant, as it stands now. */
  relationshipsOf(partnerTenantId: string): Relationship[] {
    return this.index(partnerTenantId).list.map((r) => this.effective(r));
  }

  relationship(partnerTenantId: string, id: string): Relationship | undefined {
    const r = this.index(partnerTenantId).byId.get(id.toLowerCase());
    return r && this.effective(r);
  }

  /** A relationship by id whichever partner holds it: its trailing GUID names the partner. */
  findRelationship(id: string): Relationship | undefined {
    const suffix = id.toLowerCase().slice(37);
    const partner = this.partnerIds().find((p) => relationshipPartnerSuffix(p) === suffix);
    return partner ? this.relationship(partner, id) : undefined;
  }

  /** The relationships between one partner and one customer, as they stand now. */
  between(partnerTenantId: string, customerTenantId: string): Relationship[] {
    const seed = this.seedOf(customerTenantId);
    if (!seed) return [];
    return seed.relationships
      .filter((r) => r.partnerTenantId === partnerTenantId.toLowerCase())
      .map((r) => this.effective(r));
  }

  /**
   * Role template ids a partner user holds in a customer tenant: the union of the roles of the
   * active access assignments, on active relationships, whose security group the user is in.
   */
  delegatedRoles(
    partnerTenantId: string,
    groupIds: Set<string>,
    customerTenantId: string,
  ): string[] {
    const roles = new Set<string>();
    for (const r of this.between(partnerTenantId, customerTenantId)) {
      if (r.status !== 'active') continue;
      for (const a of r.assignments) {
        if (a.status !== 'active') continue;
        if (!groupIds.has(partnerGroupId(partnerTenantId, a.group))) continue;
        a.roleIds.forEach((id) => roles.add(id));
      }
    }
    return [...roles];
  }

  /** Control API: change a relationship's status, end or auto-extend; persisted. */
  update(
    id: string,
    change: {
      status?: RelationshipStatus;
      endAt?: number;
      autoExtendDuration?: AutoExtendDuration;
    },
  ): Relationship | undefined {
    const current = this.findRelationship(id);
    if (!current) return undefined;
    const overrides = this.state().relationshipOverrides;
    const prev = overrides[current.id] ?? { lastModifiedAt: 0 };
    const next: RelationshipOverride = { ...prev, lastModifiedAt: this.now() };
    if (change.status !== undefined) next.status = change.status;
    if (change.endAt !== undefined) next.endAt = change.endAt;
    if (change.autoExtendDuration !== undefined)
      next.autoExtendDuration = change.autoExtendDuration;
    overrides[current.id] = next;
    this.save();
    return this.findRelationship(id);
  }

  /** Apply overrides and the clock: an active relationship past its end auto-extends by 180 days or expires. */
  private effective(seed: SeedRelationship): Relationship {
    const o = this.state().relationshipOverrides[seed.id];
    const r: Relationship = o
      ? {
          ...seed,
          status: (o.status as RelationshipStatus | undefined) ?? seed.status,
          endAt: o.endAt ?? seed.endAt,
          autoExtendDuration: o.autoExtendDuration ?? seed.autoExtendDuration,
          lastModifiedAt: o.lastModifiedAt,
        }
      : seed;
    if (r.status !== 'active' || r.endAt === null) return r;
    const now = this.now();
    if (r.endAt > now) return r;
    if (r.autoExtendDuration === 'P180D') {
      const periods = Math.ceil((now - r.endAt + 1) / AUTO_EXTEND_MS);
      return { ...r, endAt: r.endAt + periods * AUTO_EXTEND_MS };
    }
    return { ...r, status: 'expired', lastModifiedAt: Math.max(r.lastModifiedAt, r.endAt) };
  }

  private index(partnerTenantId: string): PartnerIndex {
    this.checkCache();
    const key = partnerTenantId.toLowerCase();
    let idx = this.partners.get(key);
    if (!idx) {
      const list: SeedRelationship[] = [];
      for (const t of this.customerTenants(key)) {
        const seed = this.seedOf(t.id);
        if (seed) list.push(...seed.relationships);
      }
      list.sort((a, b) =>
        a.customerName === b.customerName
          ? a.id.localeCompare(b.id)
          : a.customerName.localeCompare(b.customerName),
      );
      idx = { list, byId: new Map(list.map((r) => [r.id, r])) };
      this.partners.set(key, idx);
    }
    return idx;
  }

  /** A reset re-seeds with a new anchor: drop what was generated from the old one. */
  private checkCache(): void {
    const at = this.state().seededAt;
    if (at === this.cachedFor) return;
    this.partners.clear();
    this.customers.clear();
    this.cachedFor = at;
  }
}

/** Group ids from group names, in a partner tenant. */
export function groupIdsOf(tenantId: string, names: readonly string[]): Set<string> {
  return new Set(names.map((n) => partnerGroupId(tenantId, n as PartnerGroupName)));
}

/** The trailing GUID of a partner's relationship ids (customer-access.ts makes them so). */
export function relationshipPartnerSuffix(partnerTenantId: string): string {
  return guidFromName(`gdap-partner:${partnerTenantId.toLowerCase()}`);
}
