import 'server-only';

/**
 * Remembers which connect states were used, so a second callback with the same state is told
 * "replayed" rather than anything else. Behind an interface because several portal instances
 * would share it through Redis (docs/architecture.md, "Beyond one machine"); until then the
 * state cookie is also cleared on first use and Entra refuses a second use of the code, so a
 * replay that reaches another instance still fails, only with a less specific code.
 */
export interface ConsumedStates {
  /** Records `stateHash` as used; false if it already was (atomic within the store). */
  consume(stateHash: string, ttlMs: number, now?: number): boolean;
  wasConsumed(stateHash: string, now?: number): boolean;
}

export function createMemoryConsumedStates(): ConsumedStates {
  const used = new Map<string, number>();
  return {
    wasConsumed(stateHash, now = Date.now()) {
      const expiresAt = used.get(stateHash);
      return expiresAt !== undefined && expiresAt > now;
    },
    consume(stateHash, ttlMs, now = Date.now()) {
      for (const [hash, expiresAt] of used) if (expiresAt <= now) used.delete(hash);
      if (used.has(stateHash)) return false;
      used.set(stateHash, now + ttlMs);
      return true;
    },
  };
}

// On globalThis so that Next's dev-mode module reloads keep one registry per process.
const globalRef = globalThis as { __ppConsumedConnectStates?: ConsumedStates };

export function getConsumedStates(): ConsumedStates {
  globalRef.__ppConsumedConnectStates ??= createMemoryConsumedStates();
  return globalRef.__ppConsumedConnectStates;
}
