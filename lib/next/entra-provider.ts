import 'server-only';
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { Env } from '@/lib/config';
import { AppError } from '@/lib/errors/app-error';
import { loadClientCredential } from '@/lib/entra/load-client-credential';
import { organizationsWellKnownUrl } from '@/lib/auth/get-entra-metadata';
import { getJwks } from '@/lib/auth/get-jwks';
import { isOperatorClaims, isPartnerAdminClaims } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/session-user';
import { signClientAssertion } from '@/lib/auth/sign-client-assertion';
import { readIdentity, verifyIdToken } from '@/lib/auth/verify-id-token';

/** What the provider hands to next-auth's callbacks as `profile`: the validated identity. */
export type EntraProfile = SessionUser & { id: string };

/**
 * The staff sign-in provider: Entra's multi-tenant `organizations` endpoint, auth code + PKCE,
 * state and nonce. We redeem the code ourselves and validate the ID token with jose (see
 * verify-id-token.ts), because openid-client's built-in issuer check works only on Microsoft's
 * own hostnames. The same code runs against real Entra, a national cloud and the emulator.
 * Only the ID token is kept from the token response: no access or refresh token goes further.
 */
export function entraProvider(config: Env): OAuthConfig<EntraProfile> {
  const credential = loadClientCredential(config);
  const useCertificate = 'clientCertificate' in credential;

  return {
    id: 'entra',
    name: 'Microsoft Entra ID',
    type: 'oauth',
    wellKnown: organizationsWellKnownUrl(),
    clientId: config.ENTRA_CLIENT_ID,
    clientSecret: 'clientSecret' in credential ? credential.clientSecret : '',
    // With a certificate we add our own client assertion (sign-client-assertion.ts) to the body.
    client: useCertificate ? { token_endpoint_auth_method: 'none' } : undefined,
    // Only what the connect flow's admin consent covers (openid, profile): asking for more, such
    // as `email`, sends staff to a consent page, or blocks them where user consent is off. Users
    // are identified by tid and oid, never by email.
    authorization: { params: { scope: 'openid profile', response_mode: 'query' } },
    checks: ['pkce', 'state', 'nonce'],
    idToken: false,
    httpOptions: { timeout: 10_000 },

    token: {
      async request({ params, checks, client, provider }) {
        if (!params.code || !params.state || params.state !== checks.state) {
          throw new AppError(
            'auth_state_mismatch',
            'The sign-in response did not match this browser. Sign in again.',
            400,
          );
        }
        const body: { grant_type: string; [key: string]: string } = {
          grant_type: 'authorization_code',
          code: params.code,
          redirect_uri: provider.callbackUrl,
          code_verifier: checks.code_verifier ?? '',
        };
        if (useCertificate) {
          body.client_assertion_type = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
          body.client_assertion = await signClientAssertion({
            clientId: config.ENTRA_CLIENT_ID,
            tokenEndpoint: String(client.issuer.metadata.token_endpoint),
            privateKeyPem: credential.clientCertificate.privateKey,
            certificatePem: credential.clientCertificate.x5c,
          });
        }
        const tokens = await client.grant(body);
        if (!tokens.id_token)
          throw new AppError('auth_invalid_id_token', 'Entra returned no ID token.', 401);
        const jwksUri = String(client.issuer.metadata.jwks_uri);
        // Throws unless signature, audience, expiry, nonce and `iss == <host>/<tid>/v2.0` hold.
        await verifyIdToken(tokens.id_token, getJwks(jwksUri), {
          clientId: config.ENTRA_CLIENT_ID,
          authorityHost: config.ENTRA_AUTHORITY_HOST,
          nonce: 'nonce' in checks ? checks.nonce : undefined,
        });
        return { tokens: { id_token: tokens.id_token, token_type: tokens.token_type } };
      },
    },

    userinfo: {
      // The ID token was verified a moment ago in `token.request`, within this same callback.
      request({ tokens }) {
        return decodeJwt(tokens.id_token ?? '');
      },
    },

    profile(claims) {
      const identity = readIdentity(claims as unknown as Record<string, unknown>);
      return {
        id: `${identity.oid}.${identity.tid}`,
        // A fresh session id per sign-in: action tokens are bound to it (lib/connections).
        sid: randomUUID(),
        tid: identity.tid,
        oid: identity.oid,
        name: identity.name,
        upn: identity.upn,
        roles: identity.roles,
        isPartnerAdmin: isPartnerAdminClaims(identity),
        isOperator: isOperatorClaims(identity, config.ENTRA_HOME_TENANT_ID),
      };
    },
  };
}
