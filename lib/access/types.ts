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
}
