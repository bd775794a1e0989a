/**
 * Collapses concurrent work on the same key into one execution whose result every caller
 * shares. In one process a Map of promises does it; across instances a Redis lock (SET NX PX
 * plus waiting on the cache) would implement the same interface.
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
