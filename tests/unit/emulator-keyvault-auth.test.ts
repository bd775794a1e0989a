import { createKeyVaultService } from '@/emulator/keyvault';
import type { EmulatorContext } from '@/emulator/core/service';
import {
  HOME_TENANT,
  PORTAL_SP,
  call,
  fakeKeyVaultDirectory,
  makeTestContext,
  mountService,
  signV1,
  vaultToken,
  type MountedService,
} from './emulator-keyvault-harness';

// Real sockets, seeded data and RSA signing: generous limits for a loaded CI machine (not timing asserts).
jest.setTimeout(60_000);

const CHALLENGE = `Bearer authorization="https://localhost:1/${HOME_TENANT}", resource="https://vault.azure.net"`;

describe('Key Vault emulator: authentication and authorization', () => {
  let ctx: EmulatorContext;
  let cleanup: () => void;
  let kv: MountedService;

  beforeEach(async () => {
    ({ ctx, cleanup } = makeTestContext());
    kv = await mountService(ctx, createKeyVaultService(ctx, fakeKeyVaultDirectory));
  });
  afterEach(async () => {
    await kv.close();
    cleanup();
  });

  const put = (token: string | undefined, path = '/secrets/s1?api-version=7.5') =>
    call(kv.url, path, { method: 'PUT', token, json: { value: 'v' } });

  it('challenges an unauthenticated request before reading its (empty) body', async () => {
    // The SDK's first PUT: JSON content type, no body. Parsing it would give a 400.
    const res = await call(kv.url, '/secrets/s1?api%2Dversion=7.5', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(CHALLENGE);
    expect(res.json).toEqual({
      error: {
        code: 'Unauthorized',
        message: 'AKV10000: Request is missing a Bearer or PoP token.',
      },
    });
  });

  it('accepts a token for the vault from the vault tenant', async () => {
    expect((await put(await vaultToken(ctx))).status).toBe(200);
  });

  it.each([
    [
      'a wrong audience',
      { aud: 'https://api.partnercenter.microsoft.com' },
      /^AKV10022: Invalid audience/,
    ],
    [
      'another tenant',
      { iss: 'https://sts.windows.net/d0000000-0000-4000-8000-000000000009/' },
      /^AKV10032: Invalid issuer/,
    ],
    ['a v2 issuer', { iss: `https://login.microsoftonline.com/${HOME_TENANT}/v2.0` }, /^AKV10032/],
  ])('rejects %s with 401 and the challenge', async (_label, overrides, message) => {
    const res = await put(await vaultToken(ctx, overrides));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(CHALLENGE);
    expect(res.json.error.code).toBe('Unauthorized');
    expect(res.json.error.message).toMatch(message);
  });

  it('rejects an expired token (emulator clock), a tampered one and garbage', async () => {
    const token = await vaultToken(ctx);
    ctx.clock.advance(2 * 3600 * 1000);
    const expired = await put(token);
    expect(expired.status).toBe(401);
    expect(expired.json.error.message).toMatch(/expired/);

    const [h, p, s] = (await vaultToken(ctx)).split('.');
    const tampered = await put(`${h}.${p}.${s!.slice(0, -4)}AAAA`);
    expect(tampered.status).toBe(401);
    expect(tampered.json.error.message).toMatch(/Signature validation failed/);
    expect((await put('not-a-jwt')).status).toBe(401);
  });

  it('rejects a token signed by a key it does not know', async () => {
    const other = makeTestContext(0, { freshKeys: true });
    try {
      expect((await put(await vaultToken(other.ctx))).status).toBe(401);
    } finally {
      other.cleanup();
    }
  });

  it('requires a supported api-version, in either spelling', async () => {
    const token = await vaultToken(ctx);
    expect((await put(token, '/secrets/s1?api%2Dversion=2025-07-01')).status).toBe(200);
    expect((await put(token, '/secrets/s1?api-version=2026-04-01')).status).toBe(200);
    expect((await put(token, '/secrets/s1?api-version=7.4')).status).toBe(200);
    for (const path of [
      '/secrets/s1',
      '/secrets/s1?api-version=',
      '/secrets/s1?api-version=2016-10-01',
      '/secrets/s1?api-version=banana',
    ]) {
      const res = await put(token, path);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('BadParameter');
    }
  });

  it('answers 403 ForbiddenByRbac to a principal without a role', async () => {
    const stranger = await vaultToken(ctx, { oid: 'e0000000-0000-4000-8000-000000000005' });
    const res = await call(kv.url, '/secrets?api-version=7.5', { token: stranger });
    expect(res.status).toBe(403);
    const { error } = res.json;
    expect(error.code).toBe('Forbidden');
    expect(error.innererror).toEqual({ code: 'ForbiddenByRbac' });
    expect(error.message).toMatch(/^Caller is not authorized to perform action on resource\.\r\n/);
    expect(error.message).toContain(
      "Action: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'",
    );
    expect(error.message).toContain('oid=e0000000-0000-4000-8000-000000000005');
  });

  it('lets a Secrets User read but not write, and follows role changes from the control API', async () => {
    const token = await vaultToken(ctx);
    expect((await put(token)).status).toBe(200);

    const demote = await call(kv.controlUrl, `/role-assignments/${PORTAL_SP}`, {
      method: 'PUT',
      json: { role: 'Key Vault Secrets User' },
    });
    expect(demote.status).toBe(200);
    expect((await call(kv.url, '/secrets/s1/?api-version=7.5', { token })).status).toBe(200);
    expect((await call(kv.url, '/secrets?api-version=7.5', { token })).status).toBe(200);
    const write = await put(token);
    expect(write.status).toBe(403);
    expect(write.json.error.message).toContain('secrets/setSecret/action');
    expect(
      (await call(kv.url, '/secrets/s1?api-version=7.5', { method: 'DELETE', token })).status,
    ).toBe(403);

    const removed = await call(kv.controlUrl, `/role-assignments/${PORTAL_SP}`, {
      method: 'DELETE',
    });
    expect(removed.json).toEqual({ principalId: PORTAL_SP, removed: true });
    expect((await call(kv.url, '/secrets/s1/?api-version=7.5', { token })).status).toBe(403);

    const bad = await call(kv.controlUrl, `/role-assignments/${PORTAL_SP}`, {
      method: 'PUT',
      json: { role: 'Owner' },
    });
    expect(bad.status).toBe(400);
  });

  it('identifies the user of a delegated token by its oid too', async () => {
    const userOid = 'f0000000-0000-4000-8000-000000000006';
    await call(kv.controlUrl, `/role-assignments/${userOid}`, {
      method: 'PUT',
      json: { role: 'Key Vault Secrets Officer' },
    });
    const token = await signV1(ctx, {
      aud: 'https://vault.azure.net',
      iss: `https://sts.windows.net/${HOME_TENANT}/`,
      tid: HOME_TENANT,
      oid: userOid,
      scp: 'user_impersonation',
      amr: ['pwd', 'mfa'],
    });
    expect((await put(token)).status).toBe(200);
  });
});
