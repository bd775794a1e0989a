import type { FastifyInstance } from 'fastify';
import type { Clock } from '../core/clock';
import { callerOf } from './auth';
import { GraphError, sendGraphError } from './errors';
import { SlidingBudget } from '../core/sliding-budget';

/**
 * Graph's documented limits for the two families of routes the emulator serves
 * (gdap-and-app-consent.md §5.1):
 * - `/tenantRelationships/*`, "multi-tenant management" limits: any request, 1,000 per 20 s per
 *   app per tenant and 2,000 per 20 s per tenant across apps;
 * - customer-tenant identity reads (`servicePrincipals`, `oauth2PermissionGrants`): a budget of
 *   resource units per app and tenant, 3,500 per 10 s (tenants under 50 users, which every
 *   emulated tenant is), and 150,000 per 20 s per app across all tenants. A GET costs 1 unit,
 *   `oauth2PermissionGrants` 2; `$select` takes one off (minimum 1), `$expand` adds one.
 */
export const DEFAULT_GRAPH_LIMITS = {
  relationshipsPerAppPer20s: 1000,
  relationshipsPerTenantPer20s: 2000,
  identityUnitsPer10s: 3500,
  identityAppUnitsPer20s: 150_000,
};
export type GraphLimits = typeof DEFAULT_GRAPH_LIMITS;

export class GraphThrottle {
  readonly relApp = new SlidingBudget(20_000, DEFAULT_GRAPH_LIMITS.relationshipsPerAppPer20s);
  readonly relTenant = new SlidingBudget(20_000, DEFAULT_GRAPH_LIMITS.relationshipsPerTenantPer20s);
  readonly identity = new SlidingBudget(10_000, DEFAULT_GRAPH_LIMITS.identityUnitsPer10s);
  readonly identityApp = new SlidingBudget(20_000, DEFAULT_GRAPH_LIMITS.identityAppUnitsPer20s);

  constructor(readonly clock: Clock) {}

  limits(): GraphLimits {
    return {
      relationshipsPerAppPer20s: this.relApp.limit,
      relationshipsPerTenantPer20s: this.relTenant.limit,
      identityUnitsPer10s: this.identity.limit,
      identityAppUnitsPer20s: this.identityApp.limit,
    };
  }

  setLimits(l: Partial<GraphLimits>): void {
    if (l.relationshipsPerAppPer20s) this.relApp.limit = l.relationshipsPerAppPer20s;
    if (l.relationshipsPerTenantPer20s) this.relTenant.limit = l.relationshipsPerTenantPer20s;
    if (l.identityUnitsPer10s) this.identity.limit = l.identityUnitsPer10s;
    if (l.identityAppUnitsPer20s) this.identityApp.limit = l.identityAppUnitsPer20s;
  }

  reset(): void {
    for (const b of [this.relApp, this.relTenant, this.identity, this.identityApp]) b.clear();
    this.setLimits(DEFAULT_GRAPH_LIMITS);
  }
}

/** Resource units of an identity read (throttling-limits.md). */
export function resourceUnits(path: string, query: Record<string, unknown>): number {
  let units = /\/oauth2PermissionGrants$/i.test(path) ? 2 : 1;
  if (query.$select !== undefined) units = Math.max(1, units - 1);
  if (query.$expand !== undefined) units += 1;
  return units;
}

const tooMany = () => new GraphError(429, 'TooManyRequests', 'Too many requests.');

/** Applies the limits after authentication (the keys need the caller's app and tenant). */
export function installGraphThrottle(app: FastifyInstance, throttle: GraphThrottle): void {
  app.addHook('onRequest', async (req, reply) => {
    const caller = callerOf(req);
    const path = req.url.split('?')[0] ?? '';
    const now = throttle.clock.now();
    const tenant = caller.tenant.id;
    if (/^\/v1\.0\/tenantRelationships\//i.test(path)) {
      const appKey = `${caller.appId}|${tenant}`;
      const wait = Math.max(
        throttle.relApp.wait(appKey, 1, now),
        throttle.relTenant.wait(tenant, 1, now),
      );
      if (wait === 0) {
        throttle.relApp.take(appKey, 1, now);
        throttle.relTenant.take(tenant, 1, now);
        return;
      }
      void reply.header('Retry-After', String(wait));
      return sendGraphError(req, reply, tooMany(), now);
    }
    const units = resourceUnits(path, req.query as Record<string, unknown>);
    const key = `${caller.appId}|${tenant}`;
    // Check both budgets before spending either, so a refused request counts against neither.
    const tenantWait = throttle.identity.wait(key, units, now);
    const appWait = throttle.identityApp.wait(caller.appId, units, now);
    const wait = Math.max(tenantWait, appWait);
    const scope =
      tenantWait > 0
        ? `Application/Limit/${caller.appId}/${tenant}`
        : `Application/Global/${caller.appId}`;
    if (wait === 0) {
      throttle.identity.take(key, units, now);
      throttle.identityApp.take(caller.appId, units, now);
      void reply.header('x-ms-resource-unit', String(units));
      const used = throttle.identity.usage(key);
      if (used >= 0.8) void reply.header('x-ms-throttle-limit-percentage', used.toFixed(1));
      return;
    }
    void reply
      .header('Retry-After', String(wait))
      .header('x-ms-throttle-scope', scope)
      .header('x-ms-throttle-information', 'ResourceUnitLimitExceeded');
    return sendGraphError(req, reply, tooMany(), now);
  });
}
