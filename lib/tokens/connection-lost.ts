import type { TenantId } from '@/lib/ids/tenant-id';
import { processSingleton } from './process-singleton';

type Listener = (tenantId: TenantId) => void;

/** The process-wide listeners (one set for every bundle layer, see process-singleton.ts). */
function listeners(): Set<Listener> {
  return processSingleton('connection-lost-listeners', () => new Set<Listener>());
}

/**
 * Someone holding data derived from a connection (the customer list cache) drops it when the
 * connection is lost. Returns the unsubscribe function.
 */
export function onConnectionLost(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/**
 * A partner tenant's connection is gone (disconnected) or its Partner Center grant is dead:
 * everything cached from it in this process goes at once, not when its TTL runs out.
 */
export function connectionLost(tenantId: TenantId): void {
  for (const listener of listeners()) listener(tenantId);
}
