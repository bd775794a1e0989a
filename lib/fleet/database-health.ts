/**
 * What this process last saw of the database: reachable or not, and since when. Pages show the
 * degraded banner from it; nothing here makes a call, so it costs a request nothing.
 */
interface Seen {
  downSince?: number;
  lastUpAt?: number;
}

const key = Symbol.for('partner-portal.fleet.database-health');
const registry = globalThis as unknown as Record<symbol, Seen>;
const seen = (): Seen => (registry[key] ??= {});

export function noteDatabaseUp(now = Date.now()): void {
  seen().downSince = undefined;
  seen().lastUpAt = now;
}

export function noteDatabaseDown(now = Date.now()): void {
  seen().downSince ??= now;
}

/** Since when the database has been unreachable, or undefined when it answered last. */
export function databaseDownSince(): number | undefined {
  return seen().downSince;
}
