import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe('Key Vault emulator: set, get and update', () => {
  let ctx: EmulatorContext;
  let cleanup: () => void;
  let kv: MountedService;
  let token: string;

  beforeEach(async () => {
    ({ ctx, cleanup } = makeTestContext());
    kv = await mountService(ctx, createKeyVaultService(ctx, fakeKeyVaultDirectory));
    token = await vaultToken(ctx);
  });
  afterEach(async () => {
    await kv.close();
    cleanup();
  });

  const set = (name: string, json: unknown) =>
    call(kv.url, `/secrets/${name}?api-version=7.5`, { method: 'PUT', token, json });
  const get = (path: string) => call(kv.url, `${path}?api-version=7.5`, { token });
  const stored = () => JSON.parse(readFileSync(join(ctx.stateDir, 'keyvault.json'), 'utf8'));

  it('sets a secret and returns a SecretBundle with an id on the request origin and Unix-second times', async () => {
    const before = ctx.clock.nowSeconds();
    const res = await set('tenant-1', {
      value: 'rt-1',
      contentType: 'application/json',
      tags: { upn: 'a@b' },
      attributes: { exp: before + 86400 },
    });
    expect(res.status).toBe(200);
    const b = res.json;
    expect(b.value).toBe('rt-1');
    expect(b.id).toMatch(new RegExp(`^${kv.url}/secrets/tenant-1/[0-9a-f]{32}$`));
    expect(b.contentType).toBe('application/json');
    expect(b.tags).toEqual({ upn: 'a@b' });
    expect(b.attributes).toMatchObject({
      enabled: true,
      exp: before + 86400,
      recoveryLevel: 'Recoverable+Purgeable',
      recoverableDays: 90,
    });
    expect(Number.isInteger(b.attributes.created)).toBe(true);
    expect(b.attributes.created).toBeGreaterThanOrEqual(before);
    expect(b.attributes.created).toBeLessThan(before + 5);
    expect(b.attributes.updated).toBe(b.attributes.created);
  });

  it('gets the latest version (trailing slash or none) and any version by id', async () => {
    const v1 = (await set('s', { value: 'one' })).json.id.split('/').pop();
    const v2 = (await set('s', { value: 'two' })).json.id.split('/').pop();
    expect(v1).not.toBe(v2);
    expect((await get('/secrets/s/')).json.value).toBe('two');
    expect((await get('/secrets/s')).json.value).toBe('two');
    expect((await get('/secrets/S/')).json.value).toBe('two'); // names are case-insensitive
    expect((await get(`/secrets/s/${v1}`)).json.value).toBe('one');
    expect((await get(`/secrets/s/${v1.toUpperCase()}`)).json.value).toBe('one');
  });

  it('answers 404 SecretNotFound with Key Vault’s text for a missing secret or version', async () => {
    const res = await get('/secrets/missing/');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('SecretNotFound');
    expect(res.json.error.message).toMatch(
      /^A secret with \(name\/id\) missing was not found in this key vault\. If you recently deleted/,
    );
    await set('there', { value: 'x' });
    const ver = await get('/secrets/there/0123456789abcdef0123456789abcdef');
    expect(ver.status).toBe(404);
    expect(ver.json.error.message).toContain('there/0123456789abcdef0123456789abcdef');
  });

  it.each([
    ['an underscore', 'bad_name'],
    ['a dot', 'bad.name'],
    ['128 characters', 'a'.repeat(128)],
  ])('rejects a name with %s as BadParameter and stores nothing', async (_label, name) => {
    const res = await set(encodeURIComponent(name), { value: 'x' });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('BadParameter');
    expect(stored().secrets).toEqual({});
  });

  it('accepts a 127-character name', async () => {
    expect((await set('a'.repeat(127), { value: 'x' })).status).toBe(200);
  });

  it('caps values at 25 KB', async () => {
    expect((await set('big', { value: 'x'.repeat(25 * 1024) })).status).toBe(200);
    const res = await set('bigger', { value: 'x'.repeat(25 * 1024 + 1) });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('BadParameter');
    expect(stored().secrets.bigger).toBeUndefined();
  });

  it.each([
    ['malformed JSON', { body: '{"value": ', headers: { 'content-type': 'application/json' } }],
    ['an empty JSON body', { body: '', headers: { 'content-type': 'application/json' } }],
    ['a body without value', { json: { contentType: 'x' } }],
    ['a non-string value', { json: { value: 42 } }],
    ['a JSON array', { json: [1, 2] }],
    ['a string exp', { json: { value: 'x', attributes: { exp: 'tomorrow' } } }],
  ])('answers %s with BadParameter and changes nothing', async (_label, opts) => {
    const res = await call(kv.url, '/secrets/s?api-version=7.5', { method: 'PUT', token, ...opts });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('BadParameter');
    expect(stored().secrets).toEqual({});
  });

  it('enforces the tag limits: 15 tags, names up to 512 and values up to 256 characters', async () => {
    const tags = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, 'v']));
    expect(
      (await set('ok', { value: 'x', tags: { ['n'.repeat(512)]: 'v'.repeat(256), ...tags(14) } }))
        .status,
    ).toBe(200);
    for (const bad of [tags(16), { ['n'.repeat(513)]: 'v' }, { n: 'v'.repeat(257) }, { n: 1 }]) {
      const res = await set('bad', { value: 'x', tags: bad });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('BadParameter');
    }
  });

  it('updates attributes and tags of a version with PATCH, keeping the value', async () => {
    const id = (await set('s', { value: 'keep', tags: { a: '1' } })).json.id as string;
    const version = id.split('/').pop();
    ctx.clock.advance(5000);
    const res = await call(kv.url, `/secrets/s/${version}?api-version=7.5`, {
      method: 'PATCH',
      token,
      json: { tags: { b: '2' }, contentType: 'text/plain' },
    });
    expect(res.status).toBe(200);
    expect(res.json.value).toBeUndefined();
    expect(res.json.id).toBe(id);
    expect(res.json.tags).toEqual({ b: '2' });
    expect(res.json.attributes.updated).toBeGreaterThan(res.json.attributes.created);
    expect((await get('/secrets/s/')).json).toMatchObject({
      value: 'keep',
      contentType: 'text/plain',
      tags: { b: '2' },
    });

    const badTags = await call(kv.url, `/secrets/s/${version}?api-version=7.5`, {
      method: 'PATCH',
      token,
      json: { tags: { x: 'v'.repeat(300) } },
    });
    expect(badTags.status).toBe(400);
    const missing = await call(kv.url, '/secrets/nope/?api-version=7.5', {
      method: 'PATCH',
      token,
      json: { tags: {} },
    });
    expect(missing.status).toBe(404);
  });

  it('refuses to read a disabled secret but still lists it', async () => {
    await set('off', { value: 'x', attributes: { enabled: false } });
    const res = await get('/secrets/off/');
    expect(res.status).toBe(403);
    expect(res.json.error).toEqual({
      code: 'Forbidden',
      message: 'Operation get is not allowed on a disabled secret.',
      innererror: { code: 'SecretDisabled' },
    });
    const list = await get('/secrets');
    expect(list.json.value.map((i: { id: string }) => i.id)).toEqual([`${kv.url}/secrets/off`]);
    const enable = await call(kv.url, '/secrets/off/?api-version=7.5', {
      method: 'PATCH',
      token,
      json: { attributes: { enabled: true } },
    });
    expect(enable.json.attributes.enabled).toBe(true);
    expect((await get('/secrets/off/')).json.value).toBe('x');
  });

  it('answers unknown routes with Key Vault’s error shape', async () => {
    const res = await get('/keys/k1');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('NotFound');
  });
});
