import 'server-only';
import { parseTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { getConfig } from '@/lib/config';
import { getCustomerListCache } from '@/lib/customers/get-customer-list-cache';
import { createGraphClient } from '@/lib/graph';
import { getCustomerTokenBroker, getTokenBroker } from '@/lib/tokens';
import { AppError } from '@/lib/errors/app-error';
import { getAccessRepository } from './get-access-repository';
import { graphBudgetFor, relationshipBudgetFor } from './fleet-budget';
import { RateBudget } from './rate-budget';
import { cadenceFromHours } from './sync-plan';
import { combineBudgets, type DirectoryCustomer, type SyncDeps } from './sync-partner';

/** Consent checks in flight at once per partner; the budget, not this, sets the pace. */
const CONCURRENCY = 8;
/** One run's length; the next run resumes where it stopped (stalest first). */
const MAX_RUN_MS = 10 * 60 * 1000;

/**
 * The sync's dependencies in the portal for one partner tenant: the database repository, the
 * partner's customer directory (the fleet's shared one), Graph through the token brokers
 * (partner token for GDAP, customer tokens for the consent check), and the partner's request
 * budgets, shared by every portal instance.
 */
export function liveSyncDeps(partner: TenantId, overrides: Partial<SyncDeps> = {}): SyncDeps {
  const config = getConfig();
  const graph = config.GRAPH_RESOURCE;
  return {
    repo: getAccessRepository(),
    listDirectory,
    partnerGraph: (partner, b) =>
      createGraphClient(() => getTokenBroker().getAccessToken(partner, graph), {
        budget: b,
        priority: 'low',
      }),
    customerGraph: (partner, customer, b) =>
      createGraphClient(() => getCustomerTokenBroker().getAccessToken(partner, customer, graph), {
        budget: b,
        priority: 'low',
      }),
    customerToken: (partner, customer) =>
      getCustomerTokenBroker().getAccessToken(partner, customer, graph),
    forgetCustomerToken: (partner, customer) => getCustomerTokenBroker().forget(partner, customer),
    appId: config.ENTRA_CLIENT_ID,
    requiredScopes: config.ACCESS_CONSENT_GRAPH_SCOPES,
    cadence: cadenceFromHours(
      config.ACCESS_RECHECK_FAILED_HOURS,
      config.ACCESS_RECHECK_HEALTHY_HOURS,
    ),
    expiryDays: config.ACCESS_EXPIRY_WARNING_DAYS,
    // This run's even spacing and 429 slow-down (RateBudget), within the partner's window that
    // every instance shares (lib/access/fleet-budget.ts: the sync and "check now" anywhere).
    budget: combineBudgets(
      new RateBudget({ ratePerSecond: config.ACCESS_SYNC_REQUESTS_PER_SECOND }),
      graphBudgetFor(partner, config.ACCESS_SYNC_REQUESTS_PER_SECOND),
    ),
    relationshipBudget: relationshipBudgetFor(partner, config.ACCESS_SYNC_REQUESTS_PER_SECOND),
    now: () => new Date(),
    concurrency: CONCURRENCY,
    maxRunMs: MAX_RUN_MS,
    ...overrides,
  };
}

/** The partner's whole customer directory (every page of Partner Center's list, shared cache). */
async function listDirectory(partnerTenantId: TenantId): Promise<DirectoryCustomer[]> {
  const entry = await getCustomerListCache().get(partnerTenantId);
  await entry.settled;
  if (entry.status === 'error')
    throw new AppError(
      entry.error?.code ?? 'customer_list_failed',
      entry.error?.message ?? 'The customer list could not be loaded.',
      502,
    );
  // Partner Center's customer id is the customer's tenant id; one that is not a GUID has no tenant to reach.
  return entry.items.flatMap((c) => {
    const tenantId = parseTenantId(c.id);
    return tenantId ? [{ tenantId, name: c.companyName, domain: c.domain }] : [];
  });
}
