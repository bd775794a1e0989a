import type { GdapAccessAssignment, GdapRelationship } from '@/lib/graph/types';
import type { TenantId } from '@/lib/ids/tenant-id';
import { GLOBAL_ADMINISTRATOR_ROLE_ID, roleName } from './roles';
import type { AssignmentSummary, DerivedAccess, RelationshipSummary } from './types';

const PENDING = new Set(['created', 'approvalPending', 'approved', 'activating']);
/** `PT0S` (the default) and `P0D` both mean "does not extend". */
const NO_EXTENSION = new Set(['PT0S', 'P0D', '']);

/**
 * One customer's access from its GDAP relationships (all statuses), as of `now`.
 *
 * `relationshipListEmpty` says the partner-wide list came back empty: Graph answers a caller who
 * is not in Admin Agents with 200 and an empty list, so an empty list proves nothing and every
 * customer is `unknown` (the row says why), never `none`.
 */
export function deriveAccess(
  relationships: readonly GdapRelationship[],
  now: Date,
  opts: {
    relationshipListEmpty?: boolean;
    /** Access assignments by relationship id, for the relationships whose assignments were read. */
    assignments?: ReadonlyMap<string, readonly GdapAccessAssignment[]>;
  } = {},
): DerivedAccess {
  const summaries = relationships
    .map((r) => summarize(r, opts.assignments?.get(r.id)))
    .sort((a, b) => (b.endDateTime ?? '').localeCompare(a.endDateTime ?? ''));
  const active = summaries.filter((r) => isLiveActive(r, now));
  const pending = summaries.filter((r) => PENDING.has(r.status));
  const access = opts.relationshipListEmpty
    ? 'unknown'
    : active.length
      ? 'gdap'
      : pending.length
        ? 'pending'
        : 'none';
  const latestEnd = active
    .map((r) => r.endDateTime)
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  return {
    access,
    relationships: summaries,
    endDateTime: latestEnd,
    autoExtend: active.some((r) => r.autoExtend),
    // Least privilege: a GA role in any relationship that grants or will grant access.
    includesGlobalAdmin: [...active, ...pending].some((r) => r.includesGlobalAdmin),
    unassigned: access === 'gdap' && isUnassigned(active),
  };
}

/**
 * Roles reach people only through an active access assignment (reference §2.5, §2.7). True when
 * every live active relationship's assignments were read and none of them is active; unknown
 * (not read) counts as assigned, so a failed read never marks a customer unmanageable.
 */
export function isUnassigned(active: readonly RelationshipSummary[]): boolean {
  return (
    active.length > 0 &&
    active.every((r) => r.assignments !== undefined && !r.assignments.some(isActiveAssignment))
  );
}

function isActiveAssignment(a: AssignmentSummary): boolean {
  return a.status === 'active' && a.roleIds.length > 0;
}

/** The roles that reach some security group: the union over active assignments (sorted names). */
export function assignedRoleNames(relationships: readonly RelationshipSummary[]): string[] {
  const names = new Set<string>();
  for (const r of relationships) {
    if (r.status !== 'active') continue;
    for (const a of r.assignments ?? [])
      if (isActiveAssignment(a)) a.roleNames.forEach((n) => names.add(n));
  }
  return [...names].sort();
}

/**
 * GDAP that ends within `days` and will not extend itself. A customer with any auto-extending
 * active relationship keeps access, so it is not "expiring".
 */
export function isExpiringWithin(
  derived: Pick<DerivedAccess, 'access' | 'endDateTime' | 'autoExtend'>,
  now: Date,
  days: number,
): boolean {
  if (derived.access !== 'gdap' || derived.autoExtend || !derived.endDateTime) return false;
  const end = Date.parse(derived.endDateTime);
  return !Number.isNaN(end) && end - now.getTime() <= days * 86_400_000;
}

function summarize(
  r: GdapRelationship,
  assignments: readonly GdapAccessAssignment[] | undefined,
): RelationshipSummary {
  const includesGlobalAdmin = r.roleIds.includes(GLOBAL_ADMINISTRATOR_ROLE_ID);
  return {
    id: r.id,
    name: r.displayName,
    status: r.status,
    roleIds: r.roleIds,
    roleNames: r.roleIds.map(roleName),
    endDateTime: r.endDateTime,
    // A relationship with Global Administrator cannot auto-extend, whatever the field says.
    autoExtend: !includesGlobalAdmin && !NO_EXTENSION.has(r.autoExtendDuration ?? ''),
    includesGlobalAdmin,
    mlt: (r.displayName ?? '').startsWith('MLT_'),
    lastModifiedDateTime: r.lastModifiedDateTime,
    ...(assignments && {
      assignments: assignments.map((a) => ({
        id: a.id,
        status: a.status,
        groupId: a.groupId,
        roleIds: a.roleIds,
        roleNames: a.roleIds.map(roleName),
      })),
    }),
  };
}

/** Active and not past its end date (Graph may lag in flipping the status). */
function isLiveActive(r: RelationshipSummary, now: Date): boolean {
  if (r.status !== 'active') return false;
  if (!r.endDateTime) return true;
  const end = Date.parse(r.endDateTime);
  return Number.isNaN(end) || end > now.getTime();
}

/** Groups relationships by customer tenant id (lower case); relationships without one are dropped. */
export function groupByCustomer(
  relationships: readonly GdapRelationship[],
): Map<TenantId, GdapRelationship[]> {
  const byCustomer = new Map<TenantId, GdapRelationship[]>();
  for (const r of relationships) {
    const id = r.customerTenantId;
    if (!id) continue;
    const list = byCustomer.get(id);
    if (list) list.push(r);
    else byCustomer.set(id, [r]);
  }
  return byCustomer;
}
