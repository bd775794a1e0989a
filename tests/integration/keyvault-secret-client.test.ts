import { ClientSecretCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud';

// A private cloud, real sign-ins and thousands of requests: generous limits for a loaded CI machine.
jest.setTimeout(60_000);

/**
 * The unmodified @azure/keyvault-secrets SecretClient with an @azure/identity
 * ClientSecretCredential (the portal app, home tenant) against the emulated vault.
 */
let cloud: PrivateCloud;
let client: SecretClient;

const credential = (c: PrivateCloud) =>
  new ClientSecretCredential(
    c.manifest.keyVault!.tenantId,
    c.manifest.portalApp.clientId,
    c.manifest.portalApp.clientSecret,
    {
      authorityHost: c.manifest.entra.authorityHost,
      disableInstanceDiscovery: true,
    },
  );
const secretClient = (
  c: PrivateCloud,
  options: ConstructorParameters<typeof SecretClient>[2] = {},
) =>
  new SecretClient(c.manifest.keyVault!.url, credential(c), {
    disableChallengeResourceVerification: true,
    ...options,
  });

/** The RestError a call fails with. */
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

beforeAll(async () => {
  cloud = await startPrivateCloud();
  client = secretClient(cloud);
}, 120_000);
afterAll(() => cloud?.stop());

describe('SecretClient against the Key Vault emulator', () => {
  test('sets and gets a secret (the first request rides the 401 challenge)', async () => {
    const set = await client.setSecret('partner-1', 'refresh-token-1', {
      contentType: 'application/jwt',
      tags: { upn: 'admin@contoso' },
    });
    expect(set.properties.vaultUrl).toBe(cloud.manifest.keyVault!.url);
    expect(set.properties.name).toBe('partner-1');
    expect(set.properties.version).toMatch(/^[0-9a-f]{32}$/);
    expect(set.properties.createdOn).toBeInstanceOf(Date);
    expect(Math.abs(set.properties.createdOn!.getTime() - Date.now())).toBeLessThan(60_000);
    const got = await client.getSecret('partner-1');
    expect(got).toMatchObject({
      value: 'refresh-token-1',
      properties: { contentType: 'application/jwt', tags: { upn: 'admin@contoso' }, enabled: true },
    });
  });

  test('keeps versions: latest by default, any one by version, all listed', async () => {
    const v1 = (await client.setSecret('rotating', 'one')).properties.version!;
    const v2 = (await client.setSecret('rotating', 'two')).properties.version!;
    expect((await client.getSecret('rotating')).value).toBe('two');
    expect((await client.getSecret('rotating', { version: v1 })).value).toBe('one');
    const versions: string[] = [];
    for await (const p of client.listPropertiesOfSecretVersions('rotating'))
      versions.push(p.version!);
    expect(versions.sort()).toEqual([v1, v2].sort());
  });

  test('lists secret properties page by page (maxresults) without values', async () => {
    for (let i = 0; i < 5; i++) await client.setSecret(`paged-${i}`, `v${i}`);
    const pages: string[][] = [];
    for await (const page of client.listPropertiesOfSecrets().byPage({ maxPageSize: 2 }))
      pages.push(page.map((p) => p.name));
    const names = pages.flat();
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'paged-0',
        'paged-1',
        'paged-2',
        'paged-3',
        'paged-4',
        'partner-1',
        'rotating',
      ]),
    );
  });

  test('updates properties; a disabled secret cannot be read', async () => {
    const { properties } = await client.setSecret('switch', 'value');
    const updated = await client.updateSecretProperties('switch', properties.version!, {
      enabled: false,
      tags: { state: 'off' },
    });
    expect(updated).toMatchObject({ enabled: false, tags: { state: 'off' } });
    const err = await failure(client.getSecret('switch'));
    expect(err).toMatchObject({
      statusCode: 403,
      code: 'Forbidden',
      message: 'Operation get is not allowed on a disabled secret.',
    });
    await client.updateSecretProperties('switch', properties.version!, { enabled: true });
    expect((await client.getSecret('switch')).value).toBe('value');
  });

  test('soft-deletes with the delete poller, refuses the name, recovers with the recover poller', async () => {
    await client.setSecret('doomed', 'v1');
    const deletion = await client.beginDeleteSecret('doomed', { intervalInMs: 20 });
    const deleted = await deletion.pollUntilDone();
    expect(deleted.properties.recoveryId).toBe(
      `${cloud.manifest.keyVault!.url}/deletedsecrets/doomed`,
    );
    expect(deleted.properties.deletedOn).toBeInstanceOf(Date);
    expect(
      deleted.properties.scheduledPurgeDate!.getTime() - deleted.properties.deletedOn!.getTime(),
    ).toBe(90 * 86_400_000);

    expect(await failure(client.getSecret('doomed'))).toMatchObject({
      statusCode: 404,
      code: 'SecretNotFound',
    });
    const reuse = await failure(client.setSecret('doomed', 'v2'));
    expect(reuse).toMatchObject({ statusCode: 409, code: 'Conflict' });
    expect(reuse.message).toMatch(/deleted but recoverable state/);

    expect((await client.getDeletedSecret('doomed')).properties.recoveryId).toBe(
      deleted.properties.recoveryId,
    );
    const listed: string[] = [];
    for await (const d of client.listDeletedSecrets()) listed.push(d.name);
    expect(listed).toContain('doomed');

    const recovery = await client.beginRecoverDeletedSecret('doomed', { intervalInMs: 20 });
    const recovered = await recovery.pollUntilDone();
    expect(recovered.name).toBe('doomed');
    expect((await client.getSecret('doomed')).value).toBe('v1');
  });

  test('purges a deleted secret (204), after which the name is free', async () => {
    await client.setSecret('purged', 'v1');
    await (await client.beginDeleteSecret('purged', { intervalInMs: 20 })).pollUntilDone();
    await client.purgeDeletedSecret('purged');
    expect(await failure(client.getDeletedSecret('purged'))).toMatchObject({
      statusCode: 404,
      code: 'SecretNotFound',
      message: 'Deleted Secret not found: purged',
    });
    expect((await client.setSecret('purged', 'v2')).value).toBe('v2');
  });

  test('missing secrets are 404 SecretNotFound with Key Vault’s text', async () => {
    const err = await failure(client.getSecret('never-was'));
    expect(err).toMatchObject({ statusCode: 404, code: 'SecretNotFound' });
    expect(err.message).toMatch(
      /^A secret with \(name\/id\) never-was was not found in this key vault/,
    );
    expect(await failure(client.beginDeleteSecret('never-was'))).toMatchObject({ statusCode: 404 });
    expect(await failure(client.purgeDeletedSecret('never-was'))).toMatchObject({
      statusCode: 404,
    });
  });

  test('bad names, oversized values and too many tags are 400 BadParameter and store nothing', async () => {
    for (const [name, value, tags] of [
      ['bad_name', 'x', undefined],
      ['a'.repeat(128), 'x', undefined],
      ['too-big', 'x'.repeat(25 * 1024 + 1), undefined],
      [
        'too-many-tags',
        'x',
        Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`t${i}`, 'v'])),
      ],
      ['long-tag', 'x', { t: 'v'.repeat(257) }],
    ] as const) {
      expect(await failure(client.setSecret(name, value, tags ? { tags } : {}))).toMatchObject({
        statusCode: 400,
        code: 'BadParameter',
      });
    }
    expect(await failure(client.getSecret('too-big'))).toMatchObject({ statusCode: 404 });
    expect(
      (await client.setSecret('a'.repeat(127), 'x'.repeat(25 * 1024))).properties.name,
    ).toHaveLength(127);
  });

  test('every supported service version works; an older one gets BadParameter', async () => {
    for (const serviceVersion of ['7.4', '7.5', '7.6', '2025-07-01'] as const) {
      expect((await secretClient(cloud, { serviceVersion }).getSecret('partner-1')).value).toBe(
        'refresh-token-1',
      );
    }
    expect(
      await failure(secretClient(cloud, { serviceVersion: '7.3' }).getSecret('partner-1')),
    ).toMatchObject({ statusCode: 400, code: 'BadParameter' });
  });
});
