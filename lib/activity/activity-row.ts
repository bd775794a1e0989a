import type { Insertable } from 'kysely';
import type { ActivityLogTable } from '@/lib/db/tables/activity-tables';
import { ACTIVITY_KINDS, ACTIVITY_RESULTS, type ActivityEvent } from './activity-event';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9_.:-]{1,80}$/;
const CORRELATION = /^[A-Za-z0-9-]{1,64}$/;
/** A UPN is an e-mail-like name; anything else (or anything that could be a secret) is dropped. */
const UPN = /^[^\s@]{1,64}@[A-Za-z0-9.-]{1,190}$/;

/**
 * A row as inserted: the table's own row type (lib/db/tables/activity-tables.ts, the one
 * definition of the shape) without the columns the database fills, every one of them set.
 */
export type ActivityRowInsert = Required<Omit<Insertable<ActivityLogTable>, 'id' | 'at'>>;

const guid = (v: string | null | undefined) => (v && GUID.test(v) ? v.toLowerCase() : null);
const match = (re: RegExp, v: string | null | undefined) => (v && re.test(v) ? v : null);

/**
 * Turns an event into a row. Columns are whitelisted shapes (GUIDs, short codes, a UPN), which is
 * what keeps tokens, secrets and webhook URLs out: none of them fits. Throws on an unknown kind or
 * result, which is a programming error.
 */
export function toActivityRow(
  event: ActivityEvent,
  fallbackCorrelationId?: string,
): ActivityRowInsert {
  if (!(ACTIVITY_KINDS as readonly string[]).includes(event.kind))
    throw new Error(`unknown activity kind ${event.kind}`);
  if (!(ACTIVITY_RESULTS as readonly string[]).includes(event.result))
    throw new Error(`unknown activity result ${event.result}`);
  const actor = event.actor;
  const anonymous = actor.type === 'anonymous';
  return {
    kind: event.kind,
    result: event.result,
    // A refusal before any verified identity is recorded without a tenant, whatever the caller says.
    partner_tenant_id: anonymous ? null : guid(event.partnerTenantId),
    actor_type: actor.type,
    actor_upn:
      actor.type === 'user' || actor.type === 'console'
        ? match(UPN, actor.upn?.toLowerCase())
        : null,
    actor_oid: actor.type === 'user' ? guid(actor.oid) : null,
    actor_tenant_id: actor.type === 'user' ? guid(actor.tenantId) : null,
    error_code: match(CODE, event.errorCode),
    correlation_id: match(CORRELATION, event.correlationId ?? fallbackCorrelationId),
    audience: event.audience === 'customer' ? 'customer' : 'partner',
    customer_tenant_id: guid(event.customerTenantId),
    via_upn: match(UPN, event.viaUpn?.toLowerCase()),
  };
}
