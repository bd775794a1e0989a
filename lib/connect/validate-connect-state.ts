import 'server-only';
import { ConnectFailure } from './connect-failure';
import { STATE_COOKIE_TTL_SECONDS, STATE_TTL_MS } from './connect-cookies';
import type { ConsumedStates } from './consumed-states';
import { hashState, STATE_PURPOSE } from './start-connect';
import { unseal } from './seal';

export interface ValidFlow {
  codeVerifier: string;
  nonce: string;
}

/**
 * Checks the callback's `state` against the browser's sealed state cookie, each failure with its
 * own code: replayed (used before, checked first so a replay never reaches Entra), missing (no
 * state or no cookie), mismatched (another flow's or a tampered state), expired (over 10 minutes).
 * The state is consumed here, before the code is redeemed, so it works at most once even if
 * a later step fails.
 */
export async function validateConnectState(input: {
  state: string | null;
  cookie: string | undefined;
  consumed: ConsumedStates;
  now?: number;
}): Promise<ValidFlow> {
  const now = input.now ?? Date.now();
  if (!input.state)
    throw new ConnectFailure('state_missing', 'state', { reason: 'no_state_parameter' });
  const stateHash = hashState(input.state);
  if (await ask(() => input.consumed.wasConsumed(stateHash, now)))
    throw new ConnectFailure('state_replayed', 'state');
  const flow = await unseal(STATE_PURPOSE, input.cookie, now);
  if (!flow) {
    throw new ConnectFailure('state_missing', 'state', {
      reason: input.cookie ? 'cookie_unreadable' : 'no_cookie',
    });
  }
  if (flow.sh !== stateHash) throw new ConnectFailure('state_mismatch', 'state');
  if (!(await ask(() => input.consumed.consume(stateHash, STATE_COOKIE_TTL_SECONDS * 1000, now))))
    throw new ConnectFailure('state_replayed', 'state');
  if (typeof flow.t !== 'number' || now - flow.t > STATE_TTL_MS)
    throw new ConnectFailure('state_expired', 'state');
  if (typeof flow.v !== 'string' || typeof flow.n !== 'string')
    throw new ConnectFailure('state_mismatch', 'state');
  return { codeVerifier: flow.v, nonce: flow.n };
}

/** The used-state store must answer: if it cannot, the callback fails closed and says to retry. */
async function ask<T>(question: () => Promise<T>): Promise<T> {
  try {
    return await question();
  } catch (e) {
    throw new ConnectFailure('state_store_unavailable', 'state', {}, { cause: e });
  }
}
