import type { AppRegistration, Directory } from '../../directory/directory';
import { aadsts } from '../http/aadsts';
import type { EntraErrorSpec } from '../http/entra-error';
import { resolveTenantPath, type TenantPath } from '../http/tenant-path';
import { parseScopes } from '../scopes/parse-scopes';
import type { AuthorizeRequest } from '../state/types';
import { authorizeErrors } from './authorize-errors';

/** Where the app's errors and codes go, once client_id and redirect_uri are trusted. */
export interface ReplyTarget {
  redirectUri: string;
  responseMode: AuthorizeRequest['responseMode'];
  state?: string;
}

export type ParsedAuthorize =
  | { kind: 'page-error'; spec: EntraErrorSpec }
  | { kind: 'redirect-error'; target: ReplyTarget; spec: EntraErrorSpec }
  | { kind: 'ok'; path: TenantPath; app: AppRegistration; request: AuthorizeRequest };

const PROMPTS = new Set(['login', 'consent', 'select_account', 'none']);

function single(q: Record<string, unknown>, name: string): string | undefined | null {
  const v = q[name];
  if (v === undefined) return undefined;
  return typeof v === 'string' ? v : null;
}

/**
 * Validates an /authorize request in Entra's order. A bad tenant, client_id or redirect_uri is
 * shown on Entra's own page (RFC 6749 §4.1.2.1 forbids redirecting then); every later problem
 * goes back to the app's redirect URI.
 */
export function parseAuthorize(
  directory: Directory,
  tenantSegment: string,
  q: Record<string, unknown>,
): ParsedAuthorize {
  const path = resolveTenantPath(directory, tenantSegment);
  if (!path) return { kind: 'page-error', spec: aadsts.tenantNotFound(tenantSegment) };
  const clientId = single(q, 'client_id');
  if (clientId === null) return { kind: 'page-error', spec: aadsts.malformedRequest() };
  if (!clientId) return { kind: 'page-error', spec: aadsts.missingParameter('client_id') };
  const app = directory.getApp(clientId);
  const segment = path.kind === 'multi' ? path.segment : path.tenant.id;
  if (!app) return { kind: 'page-error', spec: aadsts.appNotFound(clientId, segment) };
  if (app.signInAudience === 'AzureADMyOrg') {
    if (path.kind === 'multi')
      return { kind: 'page-error', spec: authorizeErrors.notMultiTenant(app.appId) };
    if (path.tenant.id !== app.homeTenantId)
      return { kind: 'page-error', spec: aadsts.appNotFound(clientId, segment) };
  }
  const redirect = single(q, 'redirect_uri');
  if (redirect === null) return { kind: 'page-error', spec: aadsts.malformedRequest() };
  // Without redirect_uri Entra uses a registered one (OIDC spec: the only one, here the first).
  const redirectUri = redirect ?? app.redirectUris[0]!;
  if (!app.redirectUris.includes(redirectUri))
    return { kind: 'page-error', spec: authorizeErrors.redirectMismatch(redirectUri, app.appId) };

  const responseType = single(q, 'response_type');
  const wantsIdToken =
    typeof responseType === 'string' && responseType.split(' ').includes('id_token');
  const rawMode = single(q, 'response_mode');
  const responseMode = (rawMode ??
    (wantsIdToken ? 'fragment' : 'query')) as AuthorizeRequest['responseMode'];
  const state = single(q, 'state');
  const target: ReplyTarget = {
    redirectUri,
    responseMode: ['query', 'fragment', 'form_post'].includes(responseMode)
      ? responseMode
      : 'query',
    ...(typeof state === 'string' ? { state } : {}),
  };
  const fail = (spec: EntraErrorSpec): ParsedAuthorize => ({
    kind: 'redirect-error',
    target,
    spec,
  });

  for (const name of [
    'response_type',
    'response_mode',
    'scope',
    'state',
    'nonce',
    'prompt',
    'login_hint',
    'domain_hint',
    'code_challenge',
    'code_challenge_method',
  ]) {
    if (single(q, name) === null) return fail(aadsts.malformedRequest());
  }
  if (!responseType) return fail(aadsts.missingParameter('response_type'));
  const normalizedType = responseType.split(' ').filter(Boolean).sort().join(' ');
  if (normalizedType !== 'code' && normalizedType !== 'code id_token')
    return fail(authorizeErrors.unsupportedResponseType(responseType));
  if (normalizedType === 'code id_token' && !app.idTokenImplicitGrant)
    return fail(authorizeErrors.idTokenNotEnabled());
  if (!['query', 'fragment', 'form_post'].includes(responseMode))
    return fail(authorizeErrors.invalidResponseMode(String(rawMode)));
  if (wantsIdToken && responseMode === 'query') return fail(authorizeErrors.queryWithIdToken());

  const scope = single(q, 'scope');
  if (!scope) return fail(aadsts.missingParameter('scope'));
  const parsed = parseScopes(directory, scope);
  if (!parsed.ok) {
    return fail(
      parsed.kind === 'unknown-resource'
        ? { ...aadsts.resourceNotFound(parsed.scope, segment) }
        : authorizeErrors.unknownScope(parsed.scope, app.appId),
    );
  }
  const nonce = single(q, 'nonce') ?? undefined;
  if (wantsIdToken && (!nonce || !parsed.value.oidc.has('openid')))
    return fail(aadsts.missingParameter(nonce ? 'openid' : 'nonce'));

  const prompt = single(q, 'prompt') ?? undefined;
  if (prompt !== undefined && !PROMPTS.has(prompt))
    return fail(authorizeErrors.invalidPrompt(prompt));

  const challenge = single(q, 'code_challenge') ?? undefined;
  const method = single(q, 'code_challenge_method') ?? undefined;
  if (method !== undefined && method !== 'S256' && method !== 'plain')
    return fail(authorizeErrors.invalidChallengeMethod());
  if (challenge !== undefined && !/^[A-Za-z0-9\-._~]{43,128}$/.test(challenge))
    return fail(authorizeErrors.invalidChallengeSize());
  if (challenge === undefined && method !== undefined)
    return fail(aadsts.missingParameter('code_challenge'));

  const loginHint = single(q, 'login_hint') ?? undefined;
  const domainHint = single(q, 'domain_hint') ?? undefined;
  return {
    kind: 'ok',
    path,
    app,
    request: {
      clientId: app.appId,
      redirectUri,
      responseType: normalizedType as AuthorizeRequest['responseType'],
      responseMode,
      scopes: scope.split(' ').filter(Boolean),
      ...(target.state !== undefined ? { state: target.state } : {}),
      ...(nonce !== undefined ? { nonce } : {}),
      ...(prompt !== undefined ? { prompt: prompt as AuthorizeRequest['prompt'] } : {}),
      ...(loginHint ? { loginHint } : {}),
      ...(domainHint ? { domainHint } : {}),
      ...(challenge !== undefined
        ? { codeChallenge: challenge, codeChallengeMethod: (method ?? 'plain') as 'S256' | 'plain' }
        : {}),
      clientInfo: single(q, 'client_info') === '1',
    },
  };
}
