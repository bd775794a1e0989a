import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { CryptoProvider } from '@azure/msal-node';
import { getConfig } from '@/lib/config';
import { createMsalClient } from '@/lib/entra/create-msal-client';
import { connectScopes } from '@/lib/entra/partner-center-scopes';
import { toEntraError } from '@/lib/entra/to-entra-error';
import { log } from '@/lib/log';
import { ConnectFailure } from './connect-failure';
import { stateCookie, STATE_COOKIE_TTL_SECONDS, type CookieSpec } from './connect-cookies';
import { seal } from './seal';

export const STATE_PURPOSE = 'state';

export function connectRedirectUri(): string {
  return `${getConfig().PORTAL_URL}/api/connect/callback`;
}

export function hashState(state: string): string {
  return createHash('sha256').update(state).digest('base64url');
}

/**
 * Begins a connection: a random single-use `state`, a nonce and a PKCE pair. The state goes to
 * Entra in the URL; the browser gets only a sealed cookie holding the state's hash, the PKCE
 * verifier and the nonce, so the callback can prove it is the same browser and flow.
 */
export async function startConnect(
  now = Date.now(),
): Promise<{ authorizeUrl: string; cookie: CookieSpec }> {
  const state = randomBytes(32).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const pkce = await new CryptoProvider().generatePkceCodes();
  let authorizeUrl: string;
  try {
    authorizeUrl = await createMsalClient('organizations').getAuthCodeUrl({
      scopes: connectScopes(),
      redirectUri: connectRedirectUri(),
      responseMode: 'query',
      state,
      nonce,
      codeChallenge: pkce.challenge,
      codeChallengeMethod: 'S256',
    });
  } catch (e) {
    const error = toEntraError(e);
    throw new ConnectFailure(error.code, 'start', { error: error.error }, { cause: e });
  }
  const sealed = await seal(
    STATE_PURPOSE,
    { sh: hashState(state), v: pkce.verifier, n: nonce, t: now },
    STATE_COOKIE_TTL_SECONDS,
    now,
  );
  log.info({ event: 'connect_started' }, 'connect flow started');
  return { authorizeUrl, cookie: stateCookie(sealed) };
}
