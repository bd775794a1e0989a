import { decodeJwt } from 'jose';
import { custom, generators, Issuer } from 'openid-client';
import { entraProvider } from '@/lib/next/entra-provider';
import { getConfig } from '@/lib/config';
import { control } from '../support/control';
import { withPortalEnv } from '../support/with-portal-env';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { driveSignIn } from './entra-sign-in-driver';

/**
 * The staff sign-in's code redemption with a certificate: next-auth's openid-client Client on
 * the `organizations` metadata (token_endpoint_auth_method none, as the provider sets it) and
 * the provider's own `token.request`, which adds the portal's signed client assertion
 * (lib/auth/sign-client-assertion.ts) and validates the ID token. No client secret is configured.
 */
const m = loadManifest();
const { partnerA } = seededTenants(m);
const redirectUri = m.portalApp.redirectUris[1]!;
withPortalEnv({
  ENTRA_CLIENT_SECRET: undefined,
  ENTRA_CLIENT_CERTIFICATE_PATH: m.portalApp.certificatePath!,
});

test('a staff member signs in through organizations; the code is redeemed with the certificate', async () => {
  const config = getConfig();
  expect(config.ENTRA_CLIENT_SECRET).toBeUndefined();
  const provider = entraProvider(config);
  expect(provider.client).toEqual({ token_endpoint_auth_method: 'none' });

  const issuer = await Issuer.discover(String(provider.wellKnown));
  const client = new issuer.Client({
    client_id: config.ENTRA_CLIENT_ID,
    redirect_uris: [redirectUri],
    token_endpoint_auth_method: 'none',
  });
  client[custom.clock_tolerance] = 10;
  const staff = seededUser(partnerA, 'staff');
  const [verifier, state, nonce] = [
    generators.codeVerifier(),
    generators.state(),
    generators.nonce(),
  ];
  const url = client.authorizationUrl({
    scope: 'openid profile',
    response_mode: 'query',
    code_challenge: generators.codeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const signIn = await driveSignIn(url, staff);
  const code = signIn.redirect?.searchParams.get('code');
  expect(code).toBeTruthy();

  await control.resetStats();
  // next-auth calls token.request with exactly these four fields (next-auth core/lib/oauth/callback.js).
  const request = (
    provider.token as { request: (ctx: unknown) => Promise<{ tokens: { id_token?: string } }> }
  ).request;
  const { tokens } = await request({
    params: { code, state },
    checks: { state, code_verifier: verifier, nonce },
    client,
    provider: { ...provider, callbackUrl: redirectUri },
  });
  expect(decodeJwt(tokens.id_token!)).toMatchObject({
    tid: partnerA.id,
    oid: staff.oid,
    preferred_username: staff.upn,
    nonce,
  });
  expect(await control.stats()).toMatchObject({
    'entra POST /:tenant/oauth2/v2.0/token 200 grant_type=authorization_code': 1,
  });
});
