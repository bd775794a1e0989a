import 'server-only';
import type { RequestBudget } from '@/lib/budget/request-budget';
import { getSharedBudget } from '@/lib/fleet';
import type { TenantId } from '@/lib/ids/tenant-id';
import type { SyncBudget } from './sync-partner';

/**
 * The access view's request budgets, shared by every portal instance through the same mechanism
 * as Partner Center's customer routes (lib/budget over lib/fleet's PostgreSQL store): one
 * sliding window per scope in the database, and a 429 seen by any instance blocks the scope on
 * all of them for its Retry-After. While the database cannot be reached each process keeps its
 * own window (degraded, never down).
 *
 * Scopes:
 * - `access:graph:<partner>`: every Graph call and customer-tenant token request made for one
 *   partner's access rows (the sync, "check now" on any instance), ACCESS_SYNC_REQUESTS_PER_SECOND;
 * - `access:relationships:<partner>`: its `/tenantRelationships` calls (list, assignments), which
 *   Graph limits to 1,000 per 20 s per app and tenant; the portal takes 40 per second;
 * - `access:consents:<app id>`: Partner Center's application consents, 50 per second per
 *   application id across every partner; the portal takes 40.
 */
export const RELATIONSHIP_ROUTES_PER_SECOND = 40;
export const CONSENT_REQUESTS_PER_SECOND = 40;

/** How long a caller may wait for room before `budget_exhausted` (the sync waits, it is not a page). */
const MAX_WAIT_MS = 5 * 60_000;

function sharedBudget(name: string, perSecond: number): RequestBudget {
  return getSharedBudget(
    `access.${name}.${perSecond}`,
    { limit: perSecond, windowMs: 1000 },
    MAX_WAIT_MS,
  );
}

/** `budget` as the sync's SyncBudget for one scope. */
export function asSyncBudget(budget: RequestBudget, scope: string): SyncBudget {
  return {
    take: () => budget.acquire(scope),
    throttled: (retryAfterMs) => {
      // Recorded for the fleet in the background; the caller's own retry waits Retry-After anyway.
      void budget.throttled(scope, retryAfterMs).catch(() => undefined);
    },
  };
}

export function graphBudgetFor(partner: TenantId, perSecond: number): SyncBudget {
  return asSyncBudget(sharedBudget('graph', perSecond), `access:graph:${partner}`);
}

export function relationshipBudgetFor(partner: TenantId, perSecond: number): SyncBudget {
  return asSyncBudget(
    sharedBudget('relationships', Math.min(RELATIONSHIP_ROUTES_PER_SECOND, perSecond)),
    `access:relationships:${partner}`,
  );
}

export function consentBudgetFor(appId: string): SyncBudget {
  return asSyncBudget(
    sharedBudget('consents', CONSENT_REQUESTS_PER_SECOND),
    `access:consents:${appId.toLowerCase()}`,
  );
}
