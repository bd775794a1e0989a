import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Env } from '@/lib/config/schema';
import { fail, ok, warn, type CheckResult } from './check-result';
import { describeError } from './describe-error';
import type { Discovery } from './check-discovery';

const TIMEOUT_MS = 10_000;

/** The portal's two redirect URIs, as lib/connect and next-auth build them from PORTAL_URL. */
export function portalRedirectUris(config: Env): Array<{ name: string; uri: string }> {
  return [
    { name: 'redirect-uri:connect', uri: `${config.PORTAL_URL}/api/connect/callback` },
    { name: 'redirect-uri:sign-in', uri: `${config.PORTAL_URL}/api/auth/callback/entra` },
  ];
}

/**
 * Whether the app registration accepts `redirectUri`, asked of Entra itself without signing in.
 *
 * Method: start an ordinary authorization-code request (the one the connect flow sends: code,
 * PKCE, the home tenant's authorize endpoint from discovery) and read the answer, following no
 * redirects. Entra checks client_id and redirect_uri before it shows any sign-in UI, and RFC 6749
 * §4.1.2.1 forbids it to redirect to an unverified URI, so a mismatch comes back as Entra's own
 * error page naming AADSTS50011 (real Entra embeds "AADSTS50011: The redirect URI ..." in the
 * page), while an accepted URI gets the sign-in page or a redirect. Nothing here is emulator
 * specific: no API of the app registration is read, only what a browser would see.
 */
export async function checkRedirectUri(
  name: string,
  redirectUri: string,
  config: Env,
  discovery: Discovery,
): Promise<CheckResult> {
  const url = new URL(discovery.authorizationEndpoint);
  const verifier = randomBytes(32).toString('base64url');
  url.search = new URLSearchParams({
    client_id: config.ENTRA_CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    response_mode: 'query',
    scope: 'openid profile',
    state: randomBytes(16).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  let res: Response;
  try {
    res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    return fail(
      name,
      `the authorize endpoint ${discovery.authorizationEndpoint} is unreachable (${describeError(e)})`,
      'check network access to the authority host',
    );
  }
  const location = res.headers.get('location');
  if (res.status >= 300 && res.status < 400 && location) {
    await res.body?.cancel();
    // Entra redirects to an app's URI only after it matched the registration.
    return ok(
      name,
      `${redirectUri} is registered (Entra ${location.startsWith(redirectUri) ? 'replied to it' : 'moved on to sign-in'})`,
    );
  }
  const body = await res.text().catch(() => '');
  const code = /AADSTS(\d{4,8})\b/.exec(body)?.[1];
  if (code === '50011') {
    return fail(
      name,
      `AADSTS50011: ${redirectUri} is not a redirect URI of app ${config.ENTRA_CLIENT_ID}`,
      `add ${redirectUri} as a Web redirect URI on the app registration (docs/deploy-azure.md step 2.1), or correct PORTAL_URL`,
    );
  }
  if (code === '700016') {
    return fail(
      name,
      `AADSTS700016: app ${config.ENTRA_CLIENT_ID} is not known to tenant ${config.ENTRA_HOME_TENANT_ID}`,
      'check ENTRA_CLIENT_ID and ENTRA_HOME_TENANT_ID',
    );
  }
  if (code === '50194') {
    return fail(
      name,
      `AADSTS50194: app ${config.ENTRA_CLIENT_ID} is not multi-tenant`,
      'set Supported account types to "Accounts in any organizational directory" (docs/deploy-azure.md step 2.1)',
    );
  }
  if (code)
    return warn(
      name,
      `Entra answered AADSTS${code} before sign-in`,
      `look the code up at https://login.microsoftonline.com/error?code=${code}`,
    );
  if (!res.ok)
    return warn(
      name,
      `the authorize endpoint answered HTTP ${res.status} without an AADSTS code`,
      'open the authorize URL in a browser to see what Entra says',
    );
  return ok(name, `${redirectUri} is registered (Entra shows its sign-in page)`);
}
