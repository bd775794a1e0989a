// Plain types shared by the sync, the repository, pages and the CLI.

/**
 * Whether the partner can manage the customer through GDAP:
 * - `gdap`: at least one active relationship that has not ended;
 * - `pending`: only relationships on their way (created, approval pending, approved, activating);
 * - `none`: no relationship, or only expired/terminated/ending ones;
 * - `unknown`: the relationship list came back empty for the whole partner, which Graph also
 *   does (200, empty) for a caller outside Admin Agents, so "none" cannot be told apart.
 */
export type AccessState = 'gdap' | 'pending' | 'none' | 'unknown';

/**
 * Whether the portal's own app is consented in the customer tenant:
 * granted (service principal + every required scope), partial (service principal, scopes
 * missing), missing (no service principal, or Entra says consent is missing), unknown (not
 * checked: no GDAP path to check through, or not yet), error (the check failed; see last error).
 */
export type ConsentState = 'granted' | 'partial' | 'missing' | 'unknown' | 'error';

export const ACCESS_STATES: readonly AccessState[] = ['gdap', 'pending', 'none', 'unknown'];
export const CONSENT_STATES: readonly ConsentState[] = [
  'granted',
  'partial',
  'missing',
  'unknown',
  'error',
];

/**
 * One access assignment of a relationship (reference §2.7): a partner-tenant security group and
 * the subset of the relationship's roles it holds. Roles flow to people only through an `active`
 * assignment.
 */
export interface AssignmentSummary {
  id: string;
  status: string;
  /** The security group's object id in the partner tenant. */
  groupId?: string;
  roleIds: string[];
  roleNames: string[];
}

export interface RelationshipSummary {
  id: string;
  name?: string;
  status: string;
  roleIds: string[];
  roleNames: string[];
  endDateTime?: string;
  autoExtend: boolean;
  includesGlobalAdmin: boolean;
  /** Microsoft-led transition relationship (read-only, needs migrating). */
  mlt: boolean;
  /** Graph's `lastModifiedDateTime`: the sync re-reads assignments only when it moves. */
  lastModifiedDateTime?: string;
  /**
   * Which groups hold which roles (active relationships only). Absent when not read: the
   * relationship is not active, or its assignments could not be read in this pass.
   */
  assignments?: AssignmentSummary[];
}

export interface LastError {
  /** `AADSTS50020`, a Graph code such as `Authorization_RequestDenied`, or one of ours. */
  code: string;
  title: string;
  fix: string;
  at: string;
}

/** What the sync derives for one customer from the relationship list (before the consent check). */
export interface DerivedAccess {
  access: AccessState;
  relationships: RelationshipSummary[];
  /** Latest end date of an active relationship. */
  endDateTime?: string;
  autoExtend: boolean;
  includesGlobalAdmin: boolean;
  /**
   * GDAP is active but no security group holds any of its roles: every live active
   * relationship's assignments were read and none is active, so nobody can use the access.
   */
  unassigned: boolean;
}
