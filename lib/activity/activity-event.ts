/**
 * What the activity log records: every event that changes or tests a connection. Rotation by a
 * request, by the keep-alive job and by the console share the kind `rotate` and differ by actor.
 */
export const ACTIVITY_KINDS = [
  'connect',
  'replace',
  'disconnect',
  'purge',
  'recover',
  'rotate',
  'check',
  'dead_grant',
  'alert_sent',
  'alert_resolved',
  'csv_export',
  'consent_grant',
  'consent_remove',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_RESULTS = ['success', 'refused', 'failed'] as const;
export type ActivityResult = (typeof ACTIVITY_RESULTS)[number];

/**
 * Who acted. A user's tenant and ids come only from verified claims (the session or the
 * validated callback token); `anonymous` is a refusal before any verified identity; `portal` is
 * the portal itself while serving a request (the token broker's write-behind rotation and a dead
 * grant it finds: the broker is shared by every request, so no one user is the author).
 */
export type ActivityActor =
  | { type: 'user'; upn: string; oid: string; tenantId: string }
  | { type: 'job' }
  | { type: 'portal' }
  | { type: 'console'; upn?: string }
  | { type: 'anonymous' };

export interface ActivityEvent {
  kind: ActivityKind;
  result: ActivityResult;
  actor: ActivityActor;
  /** The partner tenant the event is about, from verified claims or server state; never from request input. */
  partnerTenantId?: string | null;
  /** A stable error code (ours or AADSTS…) when the result is not `success`. */
  errorCode?: string | null;
  /** Defaults to the current request's correlation id. */
  correlationId?: string | null;
  /** `customer`: the row names customer data (a CSV export) and is for that partner's admins only. */
  audience?: 'partner' | 'customer';
  /** The customer tenant an event is about (an app-consent grant or removal). */
  customerTenantId?: string | null;
  /** The connected account whose rights were used on the user's behalf (GDAP, for a consent grant). */
  viaUpn?: string | null;
}
