import 'server-only';
import { getConfig } from '@/lib/config';
import { isEntraError } from '@/lib/entra/entra-error';
import { AppError } from '@/lib/errors/app-error';
import { classifyConsent } from './classify-consent';
import { NO_ACCESS_ASSIGNMENT_ADVICE } from './customer-advice';
import { readAssignments } from './read-assignments';
import type { AccessRow } from './access-row';
import { GRAPH_PERMISSION_MISSING, partnerWideFailure } from './partner-wide-failure';
import { checkConsent, mergeRows, partnerBudget, type SyncDeps } from './sync-partner';
import { nextCheckAt } from './sync-plan';
import type { TenantId } from '@/lib/ids/tenant-id';

/**
 * "Check now" for one customer: its GDAP relationships (`$filter` on customer/tenantId), then its
 * consent check, written to its row at once. The partner tenant comes from the caller's session
 * (the data function checks it), never from the request.
 */
export async function checkCustomerNow(
  partnerTenantId: TenantId,
  customer: TenantId,
  deps: SyncDeps,
): Promise<AccessRow> {
  const existing = await deps.repo.getRow(partnerTenantId, customer);
  if (!existing)
    throw new AppError('access_customer_not_found', 'No such customer in your access list.', 404);

  let relationships;
  let assignments;
  try {
    const graph = deps.partnerGraph(partnerTenantId, partnerBudget(deps));
    relationships = await graph.listAllRelationships({ filter: { customerTenantId: customer } });
    // A person asking wants today's groups too: nothing stored is reused.
    assignments = await readAssignments(graph, relationships, new Map(), {
      now: deps.now(),
      concurrency: 2,
    });
  } catch (e) {
    if (isEntraError(e) && e.aadsts === 65001)
      throw new AppError(GRAPH_PERMISSION_MISSING.code, GRAPH_PERMISSION_MISSING.title, 409);
    const wide = partnerWideFailure(e);
    if (wide) throw new AppError('connection_needs_reconnect', wide.title, 409);
    throw e;
  }
  const now = deps.now();
  const [row] = mergeRows(
    existing.inDirectory
      ? [{ tenantId: customer, name: existing.name, domain: existing.domain }]
      : [],
    relationships,
    now,
    false,
    assignments.byRelationship,
  );
  await deps.repo.upsertDerived(
    partnerTenantId,
    [
      row ?? {
        customerTenantId: customer,
        name: existing.name,
        domain: existing.domain,
        inDirectory: existing.inDirectory,
        access: 'none',
        relationships: [],
        autoExtend: false,
        globalAdmin: false,
      },
    ],
    now,
    deps.expiryDays,
  );
  if (row?.unassigned) {
    const checkedAt = deps.now();
    await deps.repo.recordCheck(partnerTenantId, customer, {
      consent: 'unknown',
      missingScopes: [],
      error: NO_ACCESS_ASSIGNMENT_ADVICE,
      checkedAt,
      nextCheckAt: nextCheckAt(checkedAt, true, deps.cadence),
    });
  } else if ((row?.access ?? 'none') === 'gdap') {
    // A person asking wants today's answer, not a token cached from the last pass.
    await deps.forgetCustomerToken?.(partnerTenantId, customer);
    const outcome = await checkConsent(partnerTenantId, customer, deps);
    if ('partnerWide' in outcome)
      throw new AppError('connection_needs_reconnect', outcome.partnerWide.title, 409);
    const result = classifyConsent(outcome, getConfig().ACCESS_CONSENT_GRAPH_SCOPES);
    const checkedAt = deps.now();
    await deps.repo.recordCheck(partnerTenantId, customer, {
      ...result,
      checkedAt,
      nextCheckAt: nextCheckAt(checkedAt, result.consent === 'error', deps.cadence),
    });
  }
  const updated = await deps.repo.getRow(partnerTenantId, customer);
  if (!updated)
    throw new AppError('access_customer_not_found', 'No such customer in your access list.', 404);
  return updated;
}
