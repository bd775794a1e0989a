import { randomUUID } from 'node:crypto';
import { custom, generators, Issuer } from 'openid-client';
import { loadManifest, seededTenants, seededUser } from '../support/manifest';
import { driveSignIn } from './entra-sign-in-driver';
import { v2Issuer, verifyWithJwks } from './entra-token-checks';

/**
 * openid-client 5 as next-auth 4 drives it: Issuer.discover on a wellKnown URL (with the
 * `?appid=` next-auth's Azure AD provider appends), a Client with client_secret_basic, an
 * authorization URL with PKCE/state/nonce, and `client.callback` with the returned code, which
 * runs openid-client's own ID-token validation (issuer, audience, signature, nonce, iat/exp).
 */
const m = loadManifest();
const { partnerA, partnerB } = seededTenants(m);
const redirectUri = m.portalApp.redirectUris[1]!;

async function clientFor(tenant: string) {
  const issuer = await Issuer.discover(
    `${m.entra.authorityHost}/${tenant}/v2.0/.well-known/openid-configuration?appid=${m.portalApp.clientId}`,
  );
  const client = new issuer.Client({
    client_id: m.portalApp.clientId,
    client_secret: m.portalApp.clientSecret,
    redirect_uris: [redirectUri],
  });
  client[custom.clock_tolerance] = 10; // as next-auth sets it
  return { issuer, client };
}

describe('openid-client (next-auth) against the Entra emulator', () => {
  test('tenant-specific discovery, authorization URL on the browser origin, callback validates the ID token', async () => {
    const { issuer, client } = await clientFor(partnerA.domain);
    expect(issuer.metadata.issuer).toBe(v2Issuer(m, partnerA.id));
    expect(issuer.metadata.token_endpoint_auth_methods_supported).toContain('client_secret_basic');
    expect(
      String(issuer.metadata.authorization_endpoint).startsWith(
        `${m.entra.browserHost}/${partnerA.id}/`,
      ),
    ).toBe(true);
    expect(String(issuer.metadata.jwks_uri).startsWith(m.entra.authorityHost)).toBe(true);

    const staff = seededUser(partnerA, 'staff');
    const verifier = generators.codeVerifier();
    const state = generators.state();
    const nonce = generators.nonce();
    const url = client.authorizationUrl({
      scope: 'openid profile email',
      response_mode: 'query',
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const signIn = await driveSignIn(url, staff);
    expect(signIn.redirect).toBeDefined();
    const params = client.callbackParams(signIn.redirect!.toString());
    expect(params.state).toBe(state);
    // Basic client authentication (openid-client's default for client_secret_basic).
    const tokens = await client.callback(redirectUri, params, {
      state,
      nonce,
      code_verifier: verifier,
      response_type: 'code',
    });
    const claims = tokens.claims();
    expect(claims).toMatchObject({
      tid: partnerA.id,
      oid: staff.oid,
      preferred_username: staff.upn,
      email: staff.upn,
      nonce,
      ver: '2.0',
    });
    expect(claims.amr).toBeUndefined();
    await verifyWithJwks(m, tokens.id_token!, {
      tenantId: partnerA.id,
      issuer: v2Issuer(m, partnerA.id),
      audience: m.portalApp.clientId,
    });
    expect(tokens.refresh_token).toBeUndefined(); // no offline_access asked
  });

  test('form_post response mode and client_secret_post also work', async () => {
    const issuer = await Issuer.discover(
      `${m.entra.authorityHost}/${partnerB.id}/v2.0/.well-known/openid-configuration`,
    );
    const client = new issuer.Client({
      client_id: m.portalApp.clientId,
      client_secret: m.portalApp.clientSecret,
      redirect_uris: [redirectUri],
      token_endpoint_auth_method: 'client_secret_post',
    });
    const user = seededUser(partnerB, 'staff');
    const state = randomUUID();
    const nonce = randomUUID();
    const url = client.authorizationUrl({
      scope: 'openid profile offline_access',
      response_mode: 'form_post',
      state,
      nonce,
    });
    const signIn = await driveSignIn(url, user);
    expect(signIn.formPost?.action).toBe(redirectUri);
    expect(signIn.formPost?.fields.state).toBe(state);
    const tokens = await client.callback(redirectUri, signIn.formPost!.fields, {
      state,
      nonce,
      response_type: 'code',
    });
    expect(tokens.claims().tid).toBe(partnerB.id);
    expect(tokens.refresh_token).toMatch(/^1\./);
  });

  test('organizations discovery keeps the {tenantid} template issuer', async () => {
    const issuer = await Issuer.discover(
      `${m.entra.authorityHost}/organizations/v2.0/.well-known/openid-configuration`,
    );
    expect(issuer.metadata.issuer).toBe(`${m.entra.authorityHost}/{tenantid}/v2.0`);
    expect(issuer.metadata.token_endpoint).toBe(
      `${m.entra.authorityHost}/organizations/oauth2/v2.0/token`,
    );
  });
});
