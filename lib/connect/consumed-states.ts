import 'server-only';

/**
 * Remembers which connect states were used, so that a second callback with the same state is
 * told "replayed" whichever portal instance it reaches. The fleet's store is a PostgreSQL table
 * (lib/fleet/pg-consumed-states.ts, atomic by its primary key); the memory one serves unit tests.
 * A store that cannot answer makes the callback fail closed ("try again shortly"): a state that
 * cannot be consumed is never accepted.
 */
export interface ConsumedStates {
  /** Records `stateHash` as used; false if it already was (atomic within the store). */
  consume(stateHash: string, ttlMs: number, now?: number): Promise<boolean>;
  wasConsumed(stateHash: string, now?: number): Promise<boolean>;
}

export function createMemoryConsumedStates(): ConsumedStates {
  const used = new Map<string, number>();
  return {
    async wasConsumed(stateHash, now = Date.now()) {
      const expiresAt = used.get(stateHash);
      return expiresAt !== undefined && expiresAt > now;
    },
    async consume(stateHash, ttlMs, now = Date.now()) {
      for (const [hash, expiresAt] of used) if (expiresAt <= now) used.delete(hash);
      if (used.has(stateHash)) return false;
      used.set(stateHash, now + ttlMs);
      return true;
    },
  };
}
