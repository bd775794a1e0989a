import type { EntraDeps } from '../entra-deps';
import type { InteractionRecord } from '../state/types';

/** A sign-in page left open longer than this has to start over (Entra's flow token expires too). */
const INTERACTION_TTL_MS = 60 * 60_000;

export function loadInteraction(deps: EntraDeps, id: unknown): InteractionRecord | undefined {
  if (typeof id !== 'string') return undefined;
  const i = deps.store.data.interactions[id];
  if (!i || i.createdAt + INTERACTION_TTL_MS < deps.ctx.clock.now()) return undefined;
  return i;
}
