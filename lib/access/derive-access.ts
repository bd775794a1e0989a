import type { GdapRelationship } from '@/lib/graph/types';
import { GLOBAL_ADMINISTRATOR_ROLE_ID, roleName } from './roles';
import type { DerivedAccess, RelationshipSummary } from './types';

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
  opts: { relationshipListEmpty?: boolean } = {},
): DerivedAccess {
  const summaries = relationships
    .map(summarize)
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
  };
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

function summarize(r: GdapRelationship): RelationshipSummary {
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
): Map<string, GdapRelationship[]> {
  const byCustomer = new Map<string, GdapRelationship[]>();
  for (const r of relationships) {
    const id = r.customerTenantId?.toLowerCase();
    if (!id) continue;
    const list = byCustomer.get(id);
    if (list) list.push(r);
    else byCustomer.set(id, [r]);
  }
  return byCustomer;
}
