import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKeyVaultService } from '@/emulator/keyvault';
import type { EmulatorContext } from '@/emulator/core/service';
import {
  PORTAL_APP,
  PORTAL_SP,
  call,
  fakeKeyVaultDirectory,
  makeTestContext,
  mountService,
  vaultToken,
} from './emulator-keyvault-harness';

// Real sockets, seeded data and RSA signing: generous limits for a loaded CI machine (not timing asserts).
jest.setTimeout(60_000);

describe('Key Vault emulator: persisted state, reset, manifest and faults', () => {
  let ctx: EmulatorContext;
  let cleanup: () => void;

  beforeEach(() => {
    ({ ctx, cleanup } = makeTestContext());
  });
  afterEach(() => cleanup());

  it('keeps secrets and role assignments across a restart and forgets them on reset', async () => {
    const token = await vaultToken(ctx);
    const first = createKeyVaultService(ctx, fakeKeyVaultDirectory);
    let kv = await mountService(ctx, first);
    await call(kv.url, '/secrets/keep?api-version=7.5', {
      method: 'PUT',
      token,
      json: { value: 'me' },
    });
    await call(kv.controlUrl, '/role-assignments/someone', {
      method: 'PUT',
      json: { role: 'Key Vault Secrets User' },
    });
    await kv.close();

    const onDisk = JSON.parse(readFileSync(join(ctx.stateDir, 'keyvault.json'), 'utf8'));
    expect(onDisk.secrets.keep.versions[0].value).toBe('me');

    const second = createKeyVaultService(ctx, fakeKeyVaultDirectory);
    kv = await mountService(ctx, second);
    expect((await call(kv.url, '/secrets/keep/?api-version=7.5', { token })).json.value).toBe('me');
    expect(second.manifest().keyVault?.roleAssignments).toContainEqual({
      principalId: 'someone',
      role: 'Key Vault Secrets User',
    });

    await second.reset();
    expect((await call(kv.url, '/secrets/keep/?api-version=7.5', { token })).status).toBe(404);
    expect(second.manifest().keyVault?.roleAssignments).toEqual([
      { principalId: PORTAL_SP, appId: PORTAL_APP, role: 'Key Vault Secrets Officer' },
    ]);
    await kv.close();
  });

  it('describes the vault in the manifest: url, tenant and the portal identity as Secrets Officer', () => {
    const svc = createKeyVaultService(ctx, fakeKeyVaultDirectory);
    expect(svc.manifest()).toEqual({
      keyVault: {
        url: ctx.urls.keyVault,
        tenantId: fakeKeyVaultDirectory.portalApp.homeTenantId,
        roleAssignments: [
          { principalId: PORTAL_SP, appId: PORTAL_APP, role: 'Key Vault Secrets Officer' },
        ],
      },
    });
  });

  it('answers injected faults with Key Vault’s error shape and Retry-After, then recovers', async () => {
    const svc = createKeyVaultService(ctx, fakeKeyVaultDirectory);
    const kv = await mountService(ctx, svc);
    const token = await vaultToken(ctx);
    ctx.faults.add({
      service: 'keyvault',
      route: '^GET /secrets',
      kind: 'status',
      status: 429,
      retryAfter: 7,
      count: 1,
    });
    const throttled = await call(kv.url, '/secrets?api-version=7.5', { token });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(throttled.json.error.code).toBe('Throttled');
    expect((await call(kv.url, '/secrets?api-version=7.5', { token })).status).toBe(200);

    ctx.faults.add({
      service: 'keyvault',
      route: '^PUT /secrets/',
      kind: 'status',
      status: 503,
      count: 1,
    });
    const busy = await call(kv.url, '/secrets/x?api-version=7.5', {
      method: 'PUT',
      token,
      json: { value: 'x' },
    });
    expect(busy.status).toBe(503);
    expect(busy.json.error.code).toBe('ServiceUnavailable');
    expect((await call(kv.url, '/secrets/x/?api-version=7.5', { token })).status).toBe(404); // nothing was written

    ctx.faults.add({ service: 'keyvault', route: '^GET /secrets', kind: 'drop', count: 1 });
    await expect(call(kv.url, '/secrets?api-version=7.5', { token })).rejects.toThrow();
    expect((await call(kv.url, '/secrets?api-version=7.5', { token })).status).toBe(200);
    await kv.close();
  });
});
