import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Manifest } from '../support/manifest';
import { driveSignIn, type SignInOptions, type SignInResult } from './entra-sign-in-driver';

type User = Manifest['tenants'][number]['users'][number];

/** The JSON error shape every Entra token-endpoint failure has. */
export interface EntraErrorJson {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
}

/** POST /{tenant}/oauth2/v2.0/token with a raw body, as a hand-rolled client would. */
export async function tokenRequest(
  m: Manifest,
  tenant: string,
  body: Record<string, string> | string,
  opts: { headers?: Record<string, string>; contentType?: string } = {},
): Promise<{ status: number; json: Record<string, unknown> & Partial<EntraErrorJson> }> {
  const res = await fetch(`${m.entra.authorityHost}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: {
      'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
      ...opts.headers,
    },
    body: typeof body === 'string' ? body : new URLSearchParams(body).toString(),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Counts and digest of the emulator's Entra state (control API), to prove a request changed nothing. */
export async function entraState(
  m: Manifest,
): Promise<{ digest: string; refreshTokens: number; grants: number }> {
  const res = await fetch(`${m.control.url}/entra/state`);
  return (await res.json()) as { digest: string; refreshTokens: number; grants: number };
}

export function authorizeUrl(m: Manifest, tenant: string, params: Record<string, string>): string {
  return `${m.entra.browserHost}/${tenant}/oauth2/v2.0/authorize?${new URLSearchParams(params).toString()}`;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface CodeGrant {
  code: string;
  verifier: string;
  redirectUri: string;
  state: string;
  signIn: SignInResult;
}

/** Signs a user in through the pages (auth code + PKCE S256) and returns the code for raw redemption. */
export async function signInForCode(
  m: Manifest,
  tenant: string,
  user: User,
  scope: string,
  extra: Record<string, string> = {},
  opts: SignInOptions = {},
): Promise<CodeGrant> {
  const { verifier, challenge } = pkcePair();
  const state = randomUUID();
  const redirectUri = m.portalApp.redirectUris[0]!;
  const url = authorizeUrl(m, tenant, {
    client_id: m.portalApp.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  const signIn = await driveSignIn(url, user, opts);
  const code = signIn.redirect?.searchParams.get('code');
  if (!code)
    throw new Error(`no code: ${signIn.redirect?.toString() ?? signIn.stuck?.html.slice(0, 400)}`);
  return { code, verifier, redirectUri, state, signIn };
}

/** The form for redeeming a code with the portal app's secret in the body. */
export function codeForm(
  m: Manifest,
  g: CodeGrant,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    client_id: m.portalApp.clientId,
    client_secret: m.portalApp.clientSecret,
    grant_type: 'authorization_code',
    code: g.code,
    redirect_uri: g.redirectUri,
    code_verifier: g.verifier,
    ...overrides,
  };
}

export function refreshForm(
  m: Manifest,
  refreshToken: string,
  scope: string,
): Record<string, string> {
  return {
    client_id: m.portalApp.clientId,
    client_secret: m.portalApp.clientSecret,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    scope,
  };
}

/** Entra's error_description: "AADSTSn: text\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …". */
export const ERROR_DESCRIPTION = (code: number) =>
  new RegExp(
    `^AADSTS${code}: .+\\r\\nTrace ID: [0-9a-f-]{36}\\r\\nCorrelation ID: [0-9a-f-]{36}\\r\\nTimestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`,
    's',
  );
