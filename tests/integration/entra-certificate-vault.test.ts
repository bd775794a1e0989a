import { toTenantId } from '@/lib/ids/tenant-id';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthenticationRequiredError, ClientCertificateCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';
import { decodeJwt } from 'jose';
import { ensureAppCertificate } from '@/emulator/directory/app-certificate';
import { getConfig } from '@/lib/config';
import { getRefreshTokenStore, type ConnectionTags } from '@/lib/vault';
import { resetSecretClientForTests } from '@/lib/vault/get-secret-client';
import { control } from '../support/control';
import { withPortalEnv } from '../support/with-portal-env';
import { loadManifest, seededTenants } from '../support/manifest';
import { KEY_VAULT } from './entra-token-checks';

/**
 * Key Vault reached with the portal app's certificate: @azure/identity's
 * ClientCertificateCredential (authorityHost + disableInstanceDiscovery) under a real
 * SecretClient, then the portal's own lib/vault configured with KEY_VAULT_CREDENTIAL=app and
 * ENTRA_CLIENT_CERTIFICATE_PATH, the client secret removed from its environment.
 */
const m = loadManifest();
const { home } = seededTenants(m);
const certificatePath = m.portalApp.certificatePath!;

const credential = (path = certificatePath) =>
  new ClientCertificateCredential(
    home.id,
    m.portalApp.clientId,
    { certificatePath: path },
    { authorityHost: m.entra.authorityHost, disableInstanceDiscovery: true },
  );

/** Successful client-credentials answers of the token endpoint since the last stats reset. */
async function clientCredentialTokens(): Promise<number> {
  return (
    (await control.stats())[
      'entra POST /:tenant/oauth2/v2.0/token 200 grant_type=client_credentials'
    ] ?? 0
  );
}

test('ClientCertificateCredential: a Key Vault token for the app, authenticated by certificate', async () => {
  const token = await credential().getToken(`${KEY_VAULT}/.default`);
  expect(decodeJwt(token.token)).toMatchObject({
    aud: KEY_VAULT,
    appid: m.portalApp.clientId,
    appidacr: '2',
    tid: home.id,
    idtyp: 'app',
  });
});

test('SecretClient over the certificate credential: set, get, delete and purge a secret', async () => {
  const client = new SecretClient(m.keyVault!.url, credential(), {
    disableChallengeResourceVerification: true,
  });
  const name = `cert-round-trip-${randomUUID()}`;
  const value = randomUUID();
  await client.setSecret(name, value);
  expect((await client.getSecret(name)).value).toBe(value);
  await (await client.beginDeleteSecret(name, { intervalInMs: 100 })).pollUntilDone();
  await client.purgeDeletedSecret(name);
  await expect(client.getSecret(name)).rejects.toMatchObject({ statusCode: 404 });
});

describe("the portal's lib/vault with KEY_VAULT_CREDENTIAL=app and only a certificate", () => {
  withPortalEnv(
    {
      ENTRA_CLIENT_SECRET: undefined,
      ENTRA_CLIENT_CERTIFICATE_PATH: certificatePath,
      KEY_VAULT_CREDENTIAL: 'app',
    },
    resetSecretClientForTests,
  );

  test('the refresh-token store saves, reads and disconnects a connection', async () => {
    expect(getConfig()).toMatchObject({
      ENTRA_CLIENT_CERTIFICATE_PATH: certificatePath,
      KEY_VAULT_CREDENTIAL: 'app',
    });
    expect(getConfig().ENTRA_CLIENT_SECRET).toBeUndefined();
    await control.resetStats();
    const tenant = toTenantId(randomUUID());
    const tags: ConnectionTags = {
      connectedByOid: randomUUID(),
      connectedByUpn: 'admin@contoso.example',
      connectedAt: '2026-01-01T00:00:00.000Z',
      amr: 'pwd mfa',
      scopes: 'https://api.partnercenter.microsoft.com/user_impersonation',
      rotatedAt: '2026-01-01T00:00:00.000Z',
    };
    const store = getRefreshTokenStore();
    await store.save(tenant, 'refresh-token-by-cert', tags);
    await expect(store.get(tenant)).resolves.toMatchObject({
      tenantId: tenant,
      refreshToken: 'refresh-token-by-cert',
    });
    await store.disconnect(tenant, { oid: tags.connectedByOid });
    await expect(store.get(tenant)).resolves.toBeNull();
    // The vault client got its token once, with the certificate (there is no secret to use).
    expect(await clientCredentialTokens()).toBe(1);
  });
});

test('a certificate file with a key the app does not know fails with AADSTS700027', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'unregistered-cert-'));
  try {
    const other = ensureAppCertificate(dir, 'other', 'Not registered', Date.now());
    const err = await credential(other.path)
      .getToken(`${KEY_VAULT}/.default`)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationRequiredError);
    expect(String((err as Error).message)).toContain('AADSTS700027');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
