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

describe('Key Vault emulator: listing secrets and versions', () => {
  let ctx: EmulatorContext;
  let cleanup: () => void;
  let kv: MountedService;
  let token: string;

  beforeAll(async () => {
    ({ ctx, cleanup } = makeTestContext());
    kv = await mountService(ctx, createKeyVaultService(ctx, fakeKeyVaultDirectory));
    token = await vaultToken(ctx);
    for (let i = 0; i < 30; i++)
      await call(kv.url, `/secrets/s-${String(i).padStart(2, '0')}?api-version=7.5`, {
        method: 'PUT',
        token,
        json: { value: `v${i}`, tags: { i: String(i) } },
      });
    for (let i = 0; i < 4; i++)
      await call(kv.url, '/secrets/multi?api-version=7.5', {
        method: 'PUT',
        token,
        json: { value: `m${i}` },
      });
  });
  afterAll(async () => {
    await kv.close();
    cleanup();
  });

  /** Follows nextLink (absolute, requested verbatim as the SDK does) to the end. */
  async function listAll(first: string): Promise<{
    items: Array<{ id: string; value?: string; tags?: Record<string, string> }>;
    pages: number;
  }> {
    const items = [];
    let pages = 0;
    let url: string | null = `${kv.url}${first}`;
    while (url) {
      const res = await call(url, '', { token });
      expect(res.status).toBe(200);
      items.push(...res.json.value);
      pages++;
      url = res.json.nextLink;
      if (url) expect(url.startsWith(`${kv.url}/`)).toBe(true);
    }
    return { items, pages };
  }

  it('pages through every secret exactly once, with base ids and no values', async () => {
    const { items, pages } = await listAll('/secrets?api-version=7.5&maxresults=7');
    expect(pages).toBe(5); // 31 secrets
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(31);
    expect(ids).toContain(`${kv.url}/secrets/s-00`);
    expect(ids).toContain(`${kv.url}/secrets/multi`);
    expect(items.every((i) => i.value === undefined)).toBe(true);
    expect(items.find((i) => i.id.endsWith('/s-07'))?.tags).toEqual({ i: '7' });
  });

  it('uses 25 as the default page size and ends with a null nextLink', async () => {
    const first = await call(kv.url, '/secrets?api-version=7.5', { token });
    expect(first.json.value).toHaveLength(25);
    expect(first.json.nextLink).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/secrets\?api-version=7\.5&\$skiptoken=[\w-]+&maxresults=25$/,
    );
    const second = await call(first.json.nextLink, '', { token });
    expect(second.json.value).toHaveLength(6);
    expect(second.json.nextLink).toBeNull();
  });

  it.each(['0', '26', '-1', '2.5', 'ten'])('rejects maxresults=%s', async (max) => {
    const res = await call(kv.url, `/secrets?api-version=7.5&maxresults=${max}`, { token });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('BadParameter');
  });

  it('rejects a forged $skiptoken', async () => {
    const res = await call(kv.url, '/secrets?api-version=7.5&$skiptoken=not-a-token', { token });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('BadParameter');
  });

  it('lists every version of a secret with versioned ids', async () => {
    const { items, pages } = await listAll('/secrets/multi/versions?api-version=7.5&maxresults=3');
    expect(pages).toBe(2);
    expect(items).toHaveLength(4);
    expect(new Set(items.map((i) => i.id)).size).toBe(4);
    expect(items.every((i) => /\/secrets\/multi\/[0-9a-f]{32}$/.test(i.id))).toBe(true);
    const latest = await call(kv.url, '/secrets/multi/?api-version=7.5', { token });
    expect(items[3]!.id).toBe(latest.json.id);
  });

  it('lists no versions for an unknown secret', async () => {
    const res = await call(kv.url, '/secrets/nobody/versions?api-version=7.5', { token });
    expect(res.json).toEqual({ value: [], nextLink: null });
  });
});
