import { DIRECTORY_ROLE_TEMPLATES } from '../directory/directory-roles';
import { guidFromName } from '../directory/ids';
import type { PartnerGroupName } from '../directory/partner-groups';
import { Prng, seedFrom } from './prng';

/**
 * GDAP relationships and the portal app's consent for one (partner, customer) pair: a pure,
 * deterministic function of the pair and the seed's anchor day, so any number of partners (the
 * `--partners N` seed included) get the same realistic mix without storing it. Shapes follow
 * gdap-and-app-consent.md §2.4–§2.7; the mix is the one issue 14 asks for.
 */

const DAY = 86_400_000;

export type RelationshipStatus =
  | 'activating'
  | 'active'
  | 'approvalPending'
  | 'approved'
  | 'created'
  | 'expired'
  | 'expiring'
  | 'terminated'
  | 'terminating'
  | 'terminationRequested';

export const RELATIONSHIP_STATUSES: readonly RelationshipStatus[] = [
  'activating',
  'active',
  'approvalPending',
  'approved',
  'created',
  'expired',
  'expiring',
  'terminated',
  'terminating',
  'terminationRequested',
];

/** The documented values: `PT0S` (the default) and `P0D` mean no extension, `P180D` six months. */
export type AutoExtendDuration = 'PT0S' | 'P0D' | 'P180D';

export type AssignmentStatus = 'pending' | 'active' | 'deleting' | 'deleted' | 'error';

export interface SeedAccessAssignment {
  id: string;
  /** The partner security group (accessContainer) the roles are assigned to. */
  group: PartnerGroupName;
  roleIds: string[];
  status: AssignmentStatus;
  createdAt: number;
  lastModifiedAt: number;
}

export interface SeedRelationship {
  /** `<guid>-<guid>`; the trailing GUID is the partner's, as in Microsoft's examples. */
  id: string;
  displayName: string;
  partnerTenantId: string;
  customerTenantId: string;
  customerName: string;
  status: RelationshipStatus;
  roleIds: string[];
  /** ISO 8601 duration, P1D..P730D. */
  duration: string;
  autoExtendDuration: AutoExtendDuration;
  createdAt: number;
  /** null before activation. */
  activatedAt: number | null;
  /** activatedAt + duration; the termination time once terminated; null before activation. */
  endAt: number | null;
  lastModifiedAt: number;
  /** Set for an indirect reseller's relationship (`resellerDelegatedAdminRelationship`). */
  reseller?: { indirectProviderTenantId: string; isPartnerConsentPending: boolean };
  assignments: SeedAccessAssignment[];
}

/** What the seed meant this customer to be, for counting and for tests. */
export type AccessBucket =
  'active' | 'expiringSoon' | 'expired' | 'terminated' | 'approvalPending' | 'mltOnly' | 'none';

export type ConsentSeed = 'granted' | 'partial' | 'missing';

/** A customer-tenant policy that refuses partner tokens (§1.3): Conditional Access, or a lapsed tenant. */
export type DelegatedTokenBlock = 53003 | 500014;

export interface SeedCustomerAccess {
  bucket: AccessBucket;
  relationships: SeedRelationship[];
  consent: ConsentSeed;
  /** Microsoft Graph scopes of the portal app's AllPrincipals grant (empty when missing). */
  consentScopes: string[];
  tokenBlock?: DelegatedTokenBlock;
}

/**
 * The Graph scopes a complete consent of the portal app holds in a customer tenant: what the
 * consent check itself reads (service principals and their grants), the portal's default
 * `ACCESS_CONSENT_GRAPH_SCOPES`. A partial consent is an older one that holds only
 * `Directory.Read.All`: the check can still read, but the named scopes are missing.
 */
export const SEEDED_APP_CONSENT_SCOPES = [
  'Application.Read.All',
  'DelegatedPermissionGrant.Read.All',
];
const PARTIAL_CONSENT_SCOPES = ['Directory.Read.All'];

const role = (name: string): string => {
  const id = DIRECTORY_ROLE_TEMPLATES[name];
  if (!id) throw new Error(`unknown role ${name}`);
  return id;
};

/** Role bundles partners actually request, with the group each role is assigned to. */
const GROUP_OF: Record<string, PartnerGroupName> = {
  'Global Administrator': 'GDAP Global Administrators',
  'Directory Readers': 'GDAP Directory Readers',
  'Global Reader': 'GDAP Directory Readers',
  'Application Administrator': 'GDAP Application Administrators',
  'Cloud Application Administrator': 'GDAP Application Administrators',
  'Privileged Role Administrator': 'GDAP Application Administrators',
  'Helpdesk Administrator': 'GDAP Helpdesk',
  'Password Administrator': 'GDAP Helpdesk',
  'User Administrator': 'GDAP Helpdesk',
  'Authentication Administrator': 'GDAP Helpdesk',
  'Privileged Authentication Administrator': 'GDAP Helpdesk',
  'Security Administrator': 'GDAP Security',
  'Security Reader': 'GDAP Security',
  'Conditional Access Administrator': 'GDAP Security',
  'Authentication Policy Administrator': 'GDAP Security',
  'Cloud App Security Administrator': 'GDAP Security',
  'Exchange Administrator': 'GDAP Service Administrators',
  'SharePoint Administrator': 'GDAP Service Administrators',
  'Teams Administrator': 'GDAP Service Administrators',
  'Intune Administrator': 'GDAP Service Administrators',
  'Cloud Device Administrator': 'GDAP Service Administrators',
  'License Administrator': 'GDAP Service Administrators',
  'Billing Administrator': 'GDAP Service Administrators',
};

interface Bundle {
  label: string;
  roles: string[];
  weight: number;
}

const BUNDLES: Bundle[] = [
  { label: 'Read', roles: ['Directory Readers', 'Global Reader'], weight: 14 },
  {
    label: 'Std',
    roles: [
      'Directory Readers',
      'Global Reader',
      'Cloud Application Administrator',
      'Helpdesk Administrator',
      'User Administrator',
      'License Administrator',
    ],
    weight: 30,
  },
  {
    label: 'MSP',
    roles: [
      'Application Administrator',
      'User Administrator',
      'Intune Administrator',
      'Exchange Administrator',
      'Security Administrator',
      'Cloud App Security Administrator',
      'Cloud Device Administrator',
      'Teams Administrator',
      'SharePoint Administrator',
      'Authentication Policy Administrator',
      'Privileged Role Administrator',
      'Privileged Authentication Administrator',
      'Global Reader',
    ],
    weight: 22,
  },
  { label: 'GA', roles: ['Global Administrator'], weight: 12 },
  { label: 'GA+', roles: ['Global Administrator', 'Global Reader'], weight: 6 },
  // Cannot read applications: the consent check meets Graph's 403 Authorization_RequestDenied.
  { label: 'Desk', roles: ['Helpdesk Administrator', 'Password Administrator'], weight: 8 },
  {
    label: 'Sec',
    roles: ['Security Reader', 'Security Administrator', 'Global Reader'],
    weight: 8,
  },
];
const BUNDLE_TOTAL = BUNDLES.reduce((n, b) => n + b.weight, 0);

function pickBundle(rng: Prng): Bundle {
  let r = rng.next() * BUNDLE_TOTAL;
  for (const b of BUNDLES) {
    r -= b.weight;
    if (r < 0) return b;
  }
  return BUNDLES[0]!;
}

/** The anchor day (UTC midnight) the seed's dates are relative to. */
export function anchorDay(anchorMs: number): number {
  return Math.floor(anchorMs / DAY) * DAY;
}

export interface CustomerRef {
  /** The customer's tenant id. */
  id: string;
  /** Company name, as Entra shows it in `customer.displayName`. */
  displayName: string;
}

/**
 * The access world of one customer of one partner. `anchorMs` is the time the seed was made
 * (persisted by the emulator so a restart keeps the same dates); relative dates such as
 * "expires within 30 days" count from its UTC day.
 */
export function seedCustomerAccess(
  partnerTenantId: string,
  customer: CustomerRef,
  anchorMs: number,
): SeedCustomerAccess {
  const partner = partnerTenantId.toLowerCase();
  const customerId = customer.id.toLowerCase();
  const rng = new Prng(seedFrom(`access:${partner}:${customerId}`));
  const day0 = anchorDay(anchorMs);
  const at = (days: number) => day0 + days * DAY + rng.int(0, 23) * 3_600_000;
  const make = (status: RelationshipStatus, spec: RelationshipTimes) =>
    relationship(rng, day0, partner, customer, status, spec);

  const r = rng.next();
  let bucket: AccessBucket;
  const relationships: SeedRelationship[] = [];
  if (r < 0.5) {
    bucket = 'active';
    relationships.push(make('active', { endAt: at(rng.int(45, 700)) }));
    if (rng.chance(0.1)) relationships.push(make('terminated', { endAt: at(-rng.int(30, 400)) }));
  } else if (r < 0.62) {
    bucket = 'expiringSoon';
    relationships.push(make('active', { endAt: at(rng.int(1, 29)) }));
  } else if (r < 0.7) {
    bucket = 'expired';
    relationships.push(make('expired', { endAt: at(-rng.int(1, 300)) }));
    // A renewal the customer has not approved yet.
    if (rng.chance(0.3))
      relationships.push(make('approvalPending', { createdAt: at(-rng.int(1, 20)) }));
  } else if (r < 0.75) {
    bucket = 'terminated';
    relationships.push(make('terminated', { endAt: at(-rng.int(1, 500)) }));
  } else if (r < 0.82) {
    bucket = 'approvalPending';
    relationships.push(make('approvalPending', { createdAt: at(-rng.int(0, 60)) }));
  } else if (r < 0.85) {
    bucket = 'mltOnly';
    relationships.push(make('active', { endAt: at(rng.int(30, 400)), mlt: true }));
  } else {
    bucket = 'none';
  }

  const c = rng.next();
  const consent: ConsentSeed = c < 0.72 ? 'granted' : c < 0.85 ? 'partial' : 'missing';
  const consentScopes =
    consent === 'granted'
      ? [...SEEDED_APP_CONSENT_SCOPES]
      : consent === 'partial'
        ? [...PARTIAL_CONSENT_SCOPES]
        : [];
  const b = rng.next();
  const working = bucket === 'active' || bucket === 'expiringSoon';
  const tokenBlock: DelegatedTokenBlock | undefined =
    working && b < 0.02 ? 53003 : working && b < 0.03 ? 500014 : undefined;
  return { bucket, relationships, consent, consentScopes, ...(tokenBlock ? { tokenBlock } : {}) };
}

interface RelationshipTimes {
  /** End (active, expired, terminated). */
  endAt?: number;
  /** Creation (approval pending). */
  createdAt?: number;
  /** A Microsoft-led transition relationship (DAP → GDAP), named MLT_… */
  mlt?: boolean;
}

const DURATIONS = [90, 180, 365, 730];

function relationship(
  rng: Prng,
  day0: number,
  partner: string,
  customer: CustomerRef,
  status: RelationshipStatus,
  t: RelationshipTimes,
): SeedRelationship {
  const bundle: Bundle = t.mlt
    ? {
        label: 'MLT',
        roles: [
          'Directory Readers',
          'Global Reader',
          'User Administrator',
          'License Administrator',
        ],
        weight: 0,
      }
    : pickBundle(rng);
  const roleIds = bundle.roles.map(role);
  const withGa = bundle.roles.includes('Global Administrator');
  const id = `${rng.guid()}-${guidFromName(`gdap-partner:${partner}`)}`; // see relationshipPartnerSuffix
  const suffix = rng.hex(6);
  const displayName = t.mlt
    ? `MLT_${partner.slice(0, 8)}_${customer.id.toLowerCase().slice(0, 8)}_${rng.hex(8)}`
    : `${customer.displayName.replace(/[^A-Za-z0-9]+/g, '').slice(0, 28)}_${bundle.label}_${suffix}`;
  const pending = status === 'approvalPending';
  const endAt = pending ? null : (t.endAt ?? null);
  // A standard duration long enough that an active relationship was activated in the past;
  // Global Administrator relationships prefer a year or less.
  const needed =
    endAt !== null && status !== 'terminated' ? Math.ceil((endAt - day0) / DAY) + 1 : 0;
  const fits = DURATIONS.filter((d) => d >= needed);
  const preferred = withGa ? fits.filter((d) => d <= 365) : fits;
  const durationDays = t.mlt
    ? 730
    : rng.pick(preferred.length ? preferred : fits.length ? fits : [730]);
  let activatedAt: number | null = null;
  let createdAt: number;
  if (pending || endAt === null) {
    createdAt = t.createdAt ?? day0;
  } else {
    activatedAt =
      status === 'terminated'
        ? endAt - rng.int(10, durationDays - 1) * DAY // ended early
        : endAt - durationDays * DAY;
    createdAt = activatedAt - rng.int(1, 14) * DAY;
  }
  // Auto-extend is refused for relationships that include Global Administrator.
  const autoExtend = !withGa && !t.mlt && status === 'active' && rng.chance(0.35);
  const lastModifiedAt = Math.max(
    createdAt,
    activatedAt ?? 0,
    status === 'active' ? 0 : (endAt ?? 0),
  );
  const reseller =
    !t.mlt && rng.chance(0.03)
      ? {
          indirectProviderTenantId: guidFromName(`indirect-provider:${partner}:${rng.int(0, 2)}`),
          isPartnerConsentPending: status === 'approvalPending',
        }
      : undefined;
  return {
    id,
    displayName,
    partnerTenantId: partner,
    customerTenantId: customer.id.toLowerCase(),
    customerName: customer.displayName,
    status,
    roleIds,
    duration: `P${durationDays}D`,
    autoExtendDuration: autoExtend ? 'P180D' : 'PT0S',
    createdAt,
    activatedAt,
    endAt,
    lastModifiedAt,
    ...(reseller ? { reseller } : {}),
    assignments:
      status === 'active' && !t.mlt ? assignments(rng, bundle, activatedAt ?? createdAt) : [],
  };
}

/** One access assignment per group the bundle's roles map to; a few are missing, pending or failed. */
function assignments(rng: Prng, bundle: Bundle, activatedAt: number): SeedAccessAssignment[] {
  // The customer approved, but the partner never assigned groups: nobody gets in.
  if (rng.chance(0.06)) return [];
  const byGroup = new Map<PartnerGroupName, string[]>();
  for (const name of bundle.roles) {
    const group = GROUP_OF[name] ?? 'GDAP Service Administrators';
    byGroup.set(group, [...(byGroup.get(group) ?? []), role(name)]);
  }
  return [...byGroup].map(([group, roleIds]) => {
    const s = rng.next();
    const status: AssignmentStatus = s < 0.03 ? 'error' : s < 0.06 ? 'pending' : 'active';
    const createdAt = activatedAt + rng.int(0, 3) * 3_600_000;
    return { id: rng.guid(), group, roleIds, status, createdAt, lastModifiedAt: createdAt };
  });
}

/** Counts of a seed by bucket and by consent, plus relationships with Global Administrator. */
export interface AccessSeedCounts {
  customers: number;
  buckets: Record<AccessBucket, number>;
  consent: Record<ConsentSeed, number>;
  relationships: number;
  relationshipsByStatus: Partial<Record<RelationshipStatus, number>>;
  withGlobalAdministrator: number;
  reseller: number;
  tokenBlocked: number;
}

export function countAccessSeed(seeds: Iterable<SeedCustomerAccess>): AccessSeedCounts {
  const counts: AccessSeedCounts = {
    customers: 0,
    buckets: {
      active: 0,
      expiringSoon: 0,
      expired: 0,
      terminated: 0,
      approvalPending: 0,
      mltOnly: 0,
      none: 0,
    },
    consent: { granted: 0, partial: 0, missing: 0 },
    relationships: 0,
    relationshipsByStatus: {},
    withGlobalAdministrator: 0,
    reseller: 0,
    tokenBlocked: 0,
  };
  const ga = role('Global Administrator');
  for (const s of seeds) {
    counts.customers += 1;
    counts.buckets[s.bucket] += 1;
    counts.consent[s.consent] += 1;
    if (s.tokenBlock) counts.tokenBlocked += 1;
    for (const rel of s.relationships) {
      counts.relationships += 1;
      counts.relationshipsByStatus[rel.status] =
        (counts.relationshipsByStatus[rel.status] ?? 0) + 1;
      if (rel.roleIds.includes(ga)) counts.withGlobalAdministrator += 1;
      if (rel.reseller) counts.reseller += 1;
    }
  }
  return counts;
}
