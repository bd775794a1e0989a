/**
 * Which customers the access sync checks next. Stalest first: a row never checked comes first,
 * then by when it falls due. A row whose last check failed is due again after the failed
 * cadence (a day by default), a healthy one after the healthy cadence (a week), as CIPP does.
 */

export interface Cadence {
  failedMs: number;
  healthyMs: number;
}

export const DEFAULT_CADENCE: Cadence = {
  failedMs: 24 * 3_600_000,
  healthyMs: 7 * 24 * 3_600_000,
};

export function cadenceFromHours(failedHours: number, healthyHours: number): Cadence {
  return { failedMs: failedHours * 3_600_000, healthyMs: healthyHours * 3_600_000 };
}

/** When a row checked at `checkedAt` is due again; null (due now, first) when never checked. */
export function nextCheckAt(
  checkedAt: Date | null | undefined,
  failed: boolean,
  cadence: Cadence,
): Date | null {
  if (!checkedAt) return null;
  return new Date(checkedAt.getTime() + (failed ? cadence.failedMs : cadence.healthyMs));
}

export interface PlanCandidate {
  customerTenantId: string;
  nextCheckAt: Date | null;
}

/**
 * The next `limit` customers due at `now`, stalest first (never-checked first, then earliest
 * due, ties by id so runs are deterministic). The database query in the repository orders the
 * same way; this is its in-memory twin for tests and small sets.
 */
export function planBatch<T extends PlanCandidate>(
  candidates: readonly T[],
  now: Date,
  limit: number,
): T[] {
  return candidates
    .filter((c) => c.nextCheckAt === null || c.nextCheckAt.getTime() <= now.getTime())
    .sort((a, b) => {
      const ad = a.nextCheckAt?.getTime() ?? -Infinity;
      const bd = b.nextCheckAt?.getTime() ?? -Infinity;
      return ad === bd ? a.customerTenantId.localeCompare(b.customerTenantId) : ad - bd;
    })
    .slice(0, Math.max(0, limit));
}
