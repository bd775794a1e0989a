/**
 * Collapses concurrent work on the same key, in this process, into one execution whose result
 * every caller shares. Across instances the broker adds the tenant's lock (tenant-lock.ts; a
 * PostgreSQL transaction-level advisory lock in lib/fleet) and the shared token cache, so only
 * one caller per process ever waits for that lock and the others never touch the database.
 */
export interface SingleFlight {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export class MemorySingleFlight implements SingleFlight {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const existing = this.inFlight.get(key);
    if (existing) return existing as Promise<T>;
    const started = (async () => work())().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }
}
