import { createKeyVaultService } from '@/emulator/keyvault';
import type { EmulatorContext } from '@/emulator/core/service';
import {
  call,
  fakeKeyVaultDirectory,
  makeTestContext,
  mountService,
  vaultToken,
  type MountedService,
} from './emulator-keyvault-harness';

// Real sockets, seeded data and RSA signing: generous limits for a loaded CI machine (not timing asserts).
jest.setTimeout(60_000);

describe('Key Vault emulator: soft delete, recover and purge', () => {
  let ctx: EmulatorContext;
  let cleanup: () => void;
  let kv: MountedService;
  let token: string;

  beforeEach(async () => {
    ({ ctx, cleanup } = makeTestContext());
    kv = await mountService(ctx, createKeyVaultService(ctx, fakeKeyVaultDirectory));
    token = await vaultToken(ctx, {}); // fresh per test: some tests move the clock
  });
  afterEach(async () => {
    await kv.close();
    cleanup();
  });

  const req = (method: string, path: string, json?: unknown) =>
    call(kv.url, `${path}?api-version=7.5`, { method, token, json });

  it('soft-deletes every version and reports recoveryId, deletedDate and scheduledPurgeDate (+90 days)', async () => {
    await req('PUT', '/secrets/s', { value: 'one' });
    const v2 = (await req('PUT', '/secrets/s', { value: 'two', tags: { t: '1' } })).json.id;
    const del = await req('DELETE', '/secrets/s');
    expect(del.status).toBe(200);
    expect(del.json.recoveryId).toBe(`${kv.url}/deletedsecrets/s`);
    expect(del.json.id).toBe(v2);
    expect(del.json.value).toBeUndefined();
    expect(del.json.tags).toEqual({ t: '1' });
    expect(del.json.scheduledPurgeDate - del.json.deletedDate).toBe(90 * 86400);
    expect(Math.abs(del.json.deletedDate - ctx.clock.nowSeconds())).toBeLessThan(5);

    const gone = await req('GET', '/secrets/s/');
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe('SecretNotFound');
    expect((await req('GET', '/secrets/s/versions')).json.value).toEqual([]);
    expect((await req('DELETE', '/secrets/s')).status).toBe(404);

    const got = await req('GET', '/deletedsecrets/s');
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({
      recoveryId: del.json.recoveryId,
      deletedDate: del.json.deletedDate,
      id: v2,
    });
    const list = await req('GET', '/deletedsecrets');
    expect(list.json.value).toEqual([
      expect.objectContaining({ id: `${kv.url}/secrets/s`, recoveryId: del.json.recoveryId }),
    ]);
    expect(list.json.nextLink).toBeNull();
  });

  it('refuses to reuse a soft-deleted name with 409 ObjectIsDeletedButRecoverable', async () => {
    await req('PUT', '/secrets/s', { value: 'one' });
    await req('DELETE', '/secrets/s');
    const res = await req('PUT', '/secrets/S', { value: 'again' });
    expect(res.status).toBe(409);
    expect(res.json.error).toEqual({
      code: 'Conflict',
      message:
        'Secret s is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.',
      innererror: { code: 'ObjectIsDeletedButRecoverable' },
    });
  });

  it('recovers a deleted secret with all its versions', async () => {
    await req('PUT', '/secrets/s', { value: 'one' });
    await req('PUT', '/secrets/s', { value: 'two' });
    await req('DELETE', '/secrets/s');
    const rec = await req('POST', '/deletedsecrets/s/recover');
    expect(rec.status).toBe(200);
    expect(rec.json.id).toMatch(/\/secrets\/s\/[0-9a-f]{32}$/);
    expect(rec.json.value).toBeUndefined();
    expect((await req('GET', '/secrets/s/')).json.value).toBe('two');
    expect((await req('GET', '/secrets/s/versions')).json.value).toHaveLength(2);
    expect((await req('GET', '/deletedsecrets/s')).status).toBe(404);
    expect((await req('POST', '/deletedsecrets/s/recover')).status).toBe(404);
  });

  it('purges with 204, after which the name is free', async () => {
    await req('PUT', '/secrets/s', { value: 'one' });
    await req('DELETE', '/secrets/s');
    const purge = await req('DELETE', '/deletedsecrets/s');
    expect(purge.status).toBe(204);
    expect(purge.text).toBe('');
    const again = await req('DELETE', '/deletedsecrets/s');
    expect(again.status).toBe(404);
    expect(again.json.error).toEqual({
      code: 'SecretNotFound',
      message: 'Deleted Secret not found: s',
    });
    expect((await req('PUT', '/secrets/s', { value: 'new' })).status).toBe(200);
  });

  it('purges a deleted secret by itself once its scheduled purge date passes', async () => {
    await req('PUT', '/secrets/s', { value: 'one' });
    await req('DELETE', '/secrets/s');
    ctx.clock.advance(89 * 86_400_000);
    token = await vaultToken(ctx);
    expect((await req('GET', '/deletedsecrets/s')).status).toBe(200);
    ctx.clock.advance(2 * 86_400_000);
    token = await vaultToken(ctx);
    expect((await req('GET', '/deletedsecrets/s')).status).toBe(404);
    expect((await req('PUT', '/secrets/s', { value: 'reborn' })).status).toBe(200);
  });

  it('lets a Secrets User read deleted secrets but not recover or purge them', async () => {
    await req('PUT', '/secrets/s', { value: 'one' });
    await req('DELETE', '/secrets/s');
    const sp = (
      await vaultToken(ctx).then((t) =>
        JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()),
      )
    ).oid;
    await call(kv.controlUrl, `/role-assignments/${sp}`, {
      method: 'PUT',
      json: { role: 'Key Vault Secrets User' },
    });
    expect((await req('GET', '/deletedsecrets/s')).status).toBe(200);
    expect((await req('POST', '/deletedsecrets/s/recover')).status).toBe(403);
    expect((await req('DELETE', '/deletedsecrets/s')).status).toBe(403);
  });
});
