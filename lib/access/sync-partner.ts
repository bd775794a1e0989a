import type { GraphClient, GdapAccessAssignment, GdapRelationship } from '@/lib/graph';
import { isGraphError } from '@/lib/graph/graph-error';
import { isEntraError } from '@/lib/entra/entra-error';
import { classifyConsent, type ConsentCheckOutcome } from './classify-consent';
import {
  ACCESS_UNKNOWN_ADVICE,
  NO_ACCESS_ASSIGNMENT_ADVICE,
  type CustomerAdvice,
} from './customer-advice';
import { deriveAccess, groupByCustomer } from './derive-access';
import { GRAPH_PERMISSION_MISSING, partnerWideFailure } from './partner-wide-failure';
import type { AccessRepository, DerivedRowInput } from './access-repository';
import { readAssignments } from './read-assignments';
import { nextCheckAt, type Cadence } from './sync-plan';
import type { TenantId } from '@/lib/ids/tenant-id';

export interface DirectoryCustomer {
  tenantId: TenantId;
  name: string;
  domain?: string;
}

export interface SyncBudget {
  take(): Promise<void>;
  throttled(retryAfterMs: number | undefined): void;
}

export interface SyncDeps {
  repo: AccessRepository;
  /** The partner's customer directory (Partner Center customers). */
  listDirectory(partnerTenantId: TenantId): Promise<DirectoryCustomer[]>;
  /** A Graph client on the partner tenant's own token (GDAP relationships). */
  partnerGraph(partnerTenantId: TenantId, budget: SyncBudget): GraphClient;
  /** A Graph client on a customer-tenant token; the token request itself is counted by the caller. */
  customerGraph(
    partnerTenantId: TenantId,
    customerTenantId: TenantId,
    budget: SyncBudget,
  ): GraphClient;
  /** Fetches (and caches) the customer token; called before the Graph calls so its errors are the token's. */
  customerToken(partnerTenantId: TenantId, customerTenantId: TenantId): Promise<unknown>;
  /** Drops a customer's cached tokens ("check now" and a consent change want a fresh answer). */
  forgetCustomerToken?(partnerTenantId: TenantId, customerTenantId: TenantId): Promise<void>;
  /** The portal app's client id (its service principal is what the check looks for). */
  appId: string;
  requiredScopes: readonly string[];
  cadence: Cadence;
  /** GDAP ending within this many days is expiring (the rows note when they enter that window). */
  expiryDays: number;
  budget: SyncBudget;
  /**
   * A second budget for the partner tenant's `/tenantRelationships` calls (the relationship list
   * and access assignments), which Graph limits apart from the customer-tenant reads (1,000
   * requests per 20 s per app and tenant). Both budgets are taken; absent, only `budget`.
   */
  relationshipBudget?: SyncBudget;
  now: () => Date;
  /** Consent checks in flight at once (each still waits for the budget). */
  concurrency: number;
  /** Stop taking new customers after this long; the next run resumes, stalest first. */
  maxRunMs?: number;
  /** Checks per progress write (the page's progress bar). */
  progressEvery?: number;
}

export interface SyncSummary {
  outcome: 'completed' | 'partial' | 'stopped';
  relationships: number;
  /** Access-assignment calls made in this run, and relationships whose stored ones were reused. */
  assignmentsRead?: number;
  assignmentsReused?: number;
  /** Assignments left for the next run (a first pass too large for one run). */
  assignmentsDeferred?: number;
  /** Customers with active GDAP that no security group holds. */
  unassigned?: number;
  customers: number;
  checked: number;
  remaining: number;
  partnerError?: CustomerAdvice;
}

/**
 * One run of the access sync for one partner tenant:
 * 1. the GDAP relationships in bulk (one paged sweep), merged with the customer directory into
 *    one row per customer (plus relationships whose customer is not in the directory, flagged);
 * 2. the consent check for every row that is due, stalest first, under the budget, writing each
 *    result as it comes, so a restart resumes where the last run stopped.
 * A partner-wide failure (no Graph permission, a dead grant) stops the run with one banner.
 */
export async function syncPartner(partnerTenantId: TenantId, deps: SyncDeps): Promise<SyncSummary> {
  const startedAt = deps.now();
  await deps.repo.writeSyncState(partnerTenantId, {
    status: 'running',
    startedAt,
    finishedAt: null,
    checkedInRun: 0,
  });
  const stop = async (error: CustomerAdvice, relationships = 0): Promise<SyncSummary> => {
    await deps.repo.writeSyncState(partnerTenantId, {
      status: 'failed',
      finishedAt: deps.now(),
      error: { ...error, at: deps.now() },
    });
    return {
      outcome: 'stopped',
      relationships,
      customers: 0,
      checked: 0,
      remaining: 0,
      partnerError: error,
    };
  };

  let relationships: GdapRelationship[];
  let directory: DirectoryCustomer[];
  let assignments: Awaited<ReturnType<typeof readAssignments>>;
  try {
    const graph = deps.partnerGraph(partnerTenantId, partnerBudget(deps));
    [relationships, directory] = await Promise.all([
      graph.listAllRelationships(),
      deps.listDirectory(partnerTenantId),
    ]);
    // Which groups hold which roles: one call per active relationship that changed. A first
    // pass over tens of thousands spends at most half of each run on them (the rest stay unread,
    // never "unassigned", and are read by the next runs), so consent checks progress too.
    assignments = await readAssignments(
      graph,
      relationships,
      await deps.repo.storedAssignments(partnerTenantId),
      {
        now: deps.now(),
        concurrency: deps.concurrency,
        deadline: deps.maxRunMs === undefined ? undefined : startedAt.getTime() + deps.maxRunMs / 2,
        clock: () => deps.now().getTime(),
      },
    );
  } catch (e) {
    if (isEntraError(e) && e.aadsts === 65001) return stop(GRAPH_PERMISSION_MISSING);
    const wide = partnerWideFailure(e);
    if (wide) return stop(wide);
    throw e;
  }

  const now = deps.now();
  const listEmpty = relationships.length === 0 && directory.length > 0;
  const rows = mergeRows(directory, relationships, now, listEmpty, assignments.byRelationship);
  await deps.repo.replaceDerived(partnerTenantId, rows, now, deps.expiryDays);
  // No group holds their roles: a consent check could not get through, so none is spent on them.
  const unassigned = rows.filter((r) => r.unassigned).map((r) => r.customerTenantId);
  await deps.repo.markAssignmentGaps(
    partnerTenantId,
    unassigned,
    NO_ACCESS_ASSIGNMENT_ADVICE,
    now,
    nextCheckAt(now, true, deps.cadence),
  );
  const dueAtStart = await deps.repo.countDue(partnerTenantId, now);
  await deps.repo.writeSyncState(partnerTenantId, {
    relationshipsAt: now,
    relationshipCount: relationships.length,
    relationshipsEmpty: listEmpty,
    dueAtStart,
    // The empty-list trap is said once, for the partner, with its advice.
    error: listEmpty ? { ...ACCESS_UNKNOWN_ADVICE, at: now } : null,
  });

  const deadline = deps.maxRunMs === undefined ? Infinity : startedAt.getTime() + deps.maxRunMs;
  let checked = 0;
  let partnerError: CustomerAdvice | undefined;
  const progressEvery = deps.progressEvery ?? 25;

  // Workers pull the next due customers in small batches; each result is written at once.
  const queue: TenantId[] = [];
  let exhausted = false;
  let refill: Promise<void> | undefined;
  const take = async (): Promise<TenantId | undefined> => {
    for (;;) {
      if (partnerError || deps.now().getTime() >= deadline) return undefined;
      const next = queue.shift();
      if (next) return next;
      if (exhausted) return undefined;
      refill ??= (async () => {
        const batch = await deps.repo.nextDue(
          partnerTenantId,
          deps.now(),
          Math.max(deps.concurrency * 4, 20),
        );
        // A row taken in this run may come back before its result is committed (the query's
        // snapshot can predate it): never check one customer twice in a run.
        const fresh = batch.filter((id) => !taken.has(id));
        fresh.forEach((id) => taken.add(id));
        if (fresh.length === 0) exhausted = true;
        queue.push(...fresh);
      })().finally(() => (refill = undefined));
      await refill;
    }
  };
  const taken = new Set<TenantId>();

  const worker = async () => {
    for (let customer = await take(); customer; customer = await take()) {
      const outcome = await checkConsent(partnerTenantId, customer, deps);
      if ('partnerWide' in outcome) {
        partnerError = outcome.partnerWide;
        return;
      }
      const result = classifyConsent(outcome, deps.requiredScopes);
      const checkedAt = deps.now();
      await deps.repo.recordCheck(partnerTenantId, customer, {
        ...result,
        checkedAt,
        nextCheckAt: nextCheckAt(checkedAt, result.consent === 'error', deps.cadence),
      });
      checked++;
      if (checked % progressEvery === 0)
        await deps.repo.writeSyncState(partnerTenantId, { checkedInRun: checked });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, worker));

  if (partnerError) {
    const summary = await stop(partnerError, relationships.length);
    return { ...summary, customers: rows.length, checked };
  }
  const finishedAt = deps.now();
  const remaining = await deps.repo.countDue(partnerTenantId, finishedAt);
  // Assignments left unread for lack of time are work left too: the job runs again.
  const done = remaining === 0 && assignments.deferred === 0;
  await deps.repo.writeSyncState(partnerTenantId, {
    status: 'idle',
    finishedAt,
    checkedInRun: checked,
    ...(done ? { lastFullPassAt: finishedAt } : {}),
  });
  return {
    outcome: done ? 'completed' : 'partial',
    relationships: relationships.length,
    assignmentsRead: assignments.read,
    assignmentsReused: assignments.reused,
    assignmentsDeferred: assignments.deferred,
    unassigned: unassigned.length,
    customers: rows.length,
    checked,
    remaining,
  };
}

/** The budget for partner-tenant GDAP calls: the run's, and the relationship routes' own when set. */
export function partnerBudget(deps: Pick<SyncDeps, 'budget' | 'relationshipBudget'>): SyncBudget {
  return deps.relationshipBudget
    ? combineBudgets(deps.relationshipBudget, deps.budget)
    : deps.budget;
}

/** Budgets taken in turn (each call needs a slot of every one); a 429 is told to all. */
export function combineBudgets(...budgets: SyncBudget[]): SyncBudget {
  return {
    async take() {
      for (const b of budgets) await b.take();
    },
    throttled(retryAfterMs) {
      for (const b of budgets) b.throttled(retryAfterMs);
    },
  };
}

/**
 * The consent check for one customer (the reference's §4): a Graph token at the customer's
 * authority, the app's service principal, then its delegated grants. Each step's failure is
 * classified by classifyConsent; a partner-wide failure is returned as such.
 */
export async function checkConsent(
  partnerTenantId: TenantId,
  customerTenantId: TenantId,
  deps: Pick<SyncDeps, 'customerGraph' | 'customerToken' | 'appId' | 'budget'>,
): Promise<ConsentCheckOutcome | { partnerWide: CustomerAdvice }> {
  try {
    await deps.budget.take();
    await deps.customerToken(partnerTenantId, customerTenantId);
  } catch (e) {
    const wide = partnerWideFailure(e);
    if (wide) return { partnerWide: wide };
    if (isEntraError(e)) {
      // Entra throttling the token endpoint: slow the whole sweep down too.
      if (e.aadsts === 90055 || e.aadsts === 50196) deps.budget.throttled(undefined);
      return { kind: 'token-error', aadsts: e.aadsts };
    }
    return { kind: 'token-error' };
  }
  const graph = deps.customerGraph(partnerTenantId, customerTenantId, deps.budget);
  try {
    const sp = await graph.findServicePrincipal(deps.appId);
    if (!sp) return { kind: 'no-service-principal' };
    const grants = await graph.listPermissionGrants(sp.id);
    const grantedScopes = grants
      .filter((g) => (g.consentType ?? 'AllPrincipals') === 'AllPrincipals')
      .flatMap((g) => g.scopes);
    return { kind: 'service-principal', grantedScopes };
  } catch (e) {
    if (isGraphError(e))
      return { kind: 'graph-error', status: e.upstreamStatus, graphCode: e.graphCode };
    const wide = partnerWideFailure(e);
    if (wide) return { partnerWide: wide };
    throw e;
  }
}

/** Directory customers first (every one gets a row), then relationship-only customers, flagged. */
export function mergeRows(
  directory: readonly DirectoryCustomer[],
  relationships: readonly GdapRelationship[],
  now: Date,
  relationshipListEmpty: boolean,
  assignments?: ReadonlyMap<string, readonly GdapAccessAssignment[]>,
): DerivedRowInput[] {
  const byCustomer = groupByCustomer(relationships);
  const rows: DerivedRowInput[] = [];
  const seen = new Set<TenantId>();
  const row = (id: TenantId, name: string, domain: string | undefined, inDirectory: boolean) => {
    const derived = deriveAccess(byCustomer.get(id) ?? [], now, {
      relationshipListEmpty,
      assignments,
    });
    rows.push({
      customerTenantId: id,
      name,
      domain,
      inDirectory,
      access: derived.access,
      relationships: derived.relationships,
      endDate: derived.endDateTime,
      autoExtend: derived.autoExtend,
      globalAdmin: derived.includesGlobalAdmin,
      unassigned: derived.unassigned,
    });
  };
  for (const c of directory) {
    const id = c.tenantId;
    if (seen.has(id)) continue;
    seen.add(id);
    row(id, c.name, c.domain, true);
  }
  for (const [id, rels] of byCustomer) {
    if (seen.has(id)) continue;
    seen.add(id);
    row(id, rels.find((r) => r.customerName)?.customerName ?? '', undefined, false);
  }
  return rows;
}
