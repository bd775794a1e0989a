import { ClientSecretCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';

// A private cloud, real sign-ins and thousands of requests: generous limits for a loaded CI machine.
jest.setTimeout(60_000);

/**
 * Who may use the emulated vault: the 401 challenge, token checks, and RBAC roles per principal,
 * with the unmodified SecretClient + ClientSecretCredential and, where the SDK can't be made to
 * misbehave, raw HTTPS.
 */
let cloud: PrivateCloud;
let vaultUrl: string;
let portalSp: string;

const credential = () =>
  new ClientSecretCredential(
    cloud.manifest.keyVault!.tenantId,
    cloud.manifest.portalApp.clientId,
    cloud.manifest.portalApp.clientSecret,
    {
      authorityHost: cloud.manifest.entra.authorityHost,
      disableInstanceDiscovery: true,
    },
  );
const newClient = () =>
  new SecretClient(vaultUrl, credential(), { disableChallengeResourceVerification: true });

async function failure(
  p: Promise<unknown>,
): Promise<{ statusCode?: number; code?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { statusCode?: number; code?: string; message: string };
  }
  throw new Error('expected the call to fail');
}

const raw = (path: string, init: RequestInit = {}) => fetch(`${vaultUrl}${path}`, init);

beforeAll(async () => {
  cloud = await startPrivateCloud();
  vaultUrl = cloud.manifest.keyVault!.url;
  const assignment = cloud.manifest.keyVault!.roleAssignments.find(
    (r) => r.appId === cloud.manifest.portalApp.clientId,
  );
  portalSp = assignment!.principalId;
}, 120_000);
afterAll(() => cloud?.stop());
afterEach(async () => {
  await cloud.control.reset();
});

describe('Key Vault emulator: the challenge and token checks', () => {
  test('an unauthenticated PUT with an empty JSON body gets the 401 challenge naming the vault tenant', async () => {
    const res = await raw('/secrets/x?api%2Dversion=2025-07-01', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(
      `Bearer authorization="${cloud.manifest.entra.authorityHost}/${cloud.manifest.keyVault!.tenantId}", resource="https://vault.azure.net"`,
    );
    expect(await res.json()).toEqual({
      error: {
        code: 'Unauthorized',
        message: 'AKV10000: Request is missing a Bearer or PoP token.',
      },
    });
  });

  test('the manifest names the portal identity as Secrets Officer in the vault’s (home) tenant', () => {
    expect(cloud.manifest.keyVault!.tenantId).toBe(cloud.manifest.portalApp.tenantId);
    expect(cloud.manifest.keyVault!.roleAssignments).toEqual([
      {
        principalId: portalSp,
        appId: cloud.manifest.portalApp.clientId,
        role: 'Key Vault Secrets Officer',
      },
    ]);
  });

  test('a token for another audience is 401 AKV10022', async () => {
    const { token } = (await credential().getToken(
      'https://api.partnercenter.microsoft.com/.default',
    ))!;
    const res = await raw('/secrets?api-version=7.5', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /^AKV10022: Invalid audience/,
    );
  });

  test('malformed JSON and a missing api-version are 400 BadParameter', async () => {
    const { token } = (await credential().getToken('https://vault.azure.net/.default'))!;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const bad = await raw('/secrets/x?api-version=7.5', {
      method: 'PUT',
      headers: auth,
      body: '{"value":',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BadParameter');
    const noVersion = await raw('/secrets/x', {
      method: 'PUT',
      headers: auth,
      body: '{"value":"v"}',
    });
    expect(noVersion.status).toBe(400);
    expect(
      await newClient()
        .getSecret('x')
        .catch((e: { statusCode: number }) => e.statusCode),
    ).toBe(404);
  });

  test('a token that expired on the emulator’s clock is 401 with a claims challenge, and the SDK recovers', async () => {
    const client = newClient();
    await client.setSecret('clocked', 'v');
    const { token } = (await credential().getToken('https://vault.azure.net/.default'))!;
    await cloud.control.advanceClock({ seconds: 2 * 3600 });
    // On the wire: 401, and a CAE challenge telling the client to fetch a fresh token.
    const res = await raw('/secrets/clocked/?api-version=7.5', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /IDX10223/,
    );
    expect(res.headers.get('www-authenticate')).toMatch(
      /error="insufficient_claims", claims="[A-Za-z0-9+/=]+"/,
    );
    // The SDK still holds the token (valid by the machine's clock); the challenge makes it get a new one.
    expect((await client.getSecret('clocked')).value).toBe('v');
  });
});

describe('Key Vault emulator: role assignments', () => {
  test('without any role the portal identity gets 403 Forbidden (ForbiddenByRbac)', async () => {
    const client = newClient();
    await client.setSecret('guarded', 'v');
    await cloud.control.removeVaultRole(portalSp);
    const err = await failure(client.getSecret('guarded'));
    expect(err).toMatchObject({ statusCode: 403, code: 'Forbidden' });
    expect(err.message).toMatch(/^Caller is not authorized to perform action on resource\./);
    expect(err.message).toContain(`oid=${portalSp}`);
    expect(await failure(client.setSecret('guarded', 'w'))).toMatchObject({ statusCode: 403 });
  });

  test('as Secrets User it can read and list, but not write, delete, recover or purge', async () => {
    const client = newClient();
    await client.setSecret('readable', 'v');
    await (await client.beginDeleteSecret('readable', { intervalInMs: 20 })).pollUntilDone();
    await client.setSecret('readable-2', 'v2');
    await cloud.control.setVaultRole(portalSp, 'Key Vault Secrets User');

    expect((await client.getSecret('readable-2')).value).toBe('v2');
    const names: string[] = [];
    for await (const p of client.listPropertiesOfSecrets()) names.push(p.name);
    expect(names).toEqual(['readable-2']);

    expect(await failure(client.setSecret('readable-2', 'changed'))).toMatchObject({
      statusCode: 403,
      code: 'Forbidden',
    });
    expect(
      await failure(
        client.updateSecretProperties(
          'readable-2',
          (await client.getSecret('readable-2')).properties.version!,
          { tags: { a: 'b' } },
        ),
      ),
    ).toMatchObject({ statusCode: 403 });
    expect(await failure(client.beginDeleteSecret('readable-2'))).toMatchObject({
      statusCode: 403,
    });
    expect(await failure(client.beginRecoverDeletedSecret('readable'))).toMatchObject({
      statusCode: 403,
    });
    expect(await failure(client.purgeDeletedSecret('readable'))).toMatchObject({ statusCode: 403 });
    expect((await client.getSecret('readable-2')).value).toBe('v2');
  });

  test('reset restores the seeded Officer role', async () => {
    await cloud.control.removeVaultRole(portalSp);
    await cloud.control.reset();
    expect((await newClient().setSecret('after-reset', 'v')).value).toBe('v');
  });
});
