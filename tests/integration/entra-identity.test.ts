import { AuthenticationRequiredError, ClientSecretCredential } from '@azure/identity';
import { decodeJwt } from 'jose';
import { loadManifest, seededTenants } from '../support/manifest';
import { KEY_VAULT, PARTNER_CENTER, v1Issuer, verifyWithJwks } from './entra-token-checks';

/** @azure/identity ClientSecretCredential with authorityHost + disableInstanceDiscovery, as the portal's vault client uses it. */
const m = loadManifest();
const { home } = seededTenants(m);

const credential = (tenantId: string, secret = m.portalApp.clientSecret) =>
  new ClientSecretCredential(tenantId, m.portalApp.clientId, secret, {
    authorityHost: m.entra.authorityHost,
    disableInstanceDiscovery: true,
  });

describe('@azure/identity ClientSecretCredential against the Entra emulator', () => {
  test('Key Vault token in the home tenant: app-only v1 token verified against the JWKS', async () => {
    const token = await credential(home.id).getToken(`${KEY_VAULT}/.default`);
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3_000_000);
    const claims = await verifyWithJwks(m, token.token, {
      tenantId: home.id,
      issuer: v1Issuer(home.id),
      audience: KEY_VAULT,
    });
    expect(claims).toMatchObject({
      ver: '1.0',
      idtyp: 'app',
      appid: m.portalApp.clientId,
      tid: home.id,
    });
    expect(claims.scp).toBeUndefined();
  });

  test('a second resource (Partner Center) from the same credential', async () => {
    const token = await credential(home.id).getToken(`${PARTNER_CENTER}/.default`);
    expect(decodeJwt(token.token).aud).toBe(PARTNER_CENTER);
  });

  test('a wrong secret fails with AADSTS7000215', async () => {
    const err = await credential(home.id, 'not-the-secret')
      .getToken(`${KEY_VAULT}/.default`)
      .catch((e: unknown) => e);
    // @azure/identity wraps every MSAL ServerError this way, against real Entra too.
    expect(err).toBeInstanceOf(AuthenticationRequiredError);
    expect(String((err as Error).message)).toContain('AADSTS7000215');
  });
});
