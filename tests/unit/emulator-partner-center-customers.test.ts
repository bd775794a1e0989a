import { call } from './emulator-keyvault-harness';
import {
  PARTNER_A,
  PARTNER_B,
  mountPartnerCenter,
  pcToken,
} from './emulator-partner-center-harness';
import { customerCollectionSchema, pcErrorSchema } from './emulator-partner-center-schemas';

// Real sockets, seeded data and RSA signing: generous limits for a loaded CI machine (not timing asserts).
jest.setTimeout(60_000);

describe('Partner Center emulator: GET /v1/customers', () => {
  let env: Awaited<ReturnType<typeof mountPartnerCenter>>;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    env = await mountPartnerCenter(2500);
    tokenA = await pcToken(env.ctx, PARTNER_A);
    tokenB = await pcToken(env.ctx, PARTNER_B);
  });
  afterAll(() => env.close());

  const list = (path: string, token = tokenA, headers?: Record<string, string>) =>
    call(env.pc.url, path, { token, headers });

  /** Follows links.next as a client does: its uri plus its headers. */
  async function pageAll(first: string, token = tokenA) {
    const ids: string[] = [];
    let pages = 0;
    let res = await list(first, token);
    for (;;) {
      expect(res.status).toBe(200);
      const page = customerCollectionSchema.parse(res.json);
      ids.push(...page.items.map((c) => c.id));
      pages++;
      const next = page.links.next;
      if (!next) break;
      res = await list(
        next.uri,
        token,
        Object.fromEntries(next.headers.map((h) => [h.key, h.value])),
      );
    }
    return { ids, pages };
  }

  it('pages through all 2,500 of partner A’s customers, each exactly once', async () => {
    const { ids, pages } = await pageAll('/v1/customers?size=500');
    expect(pages).toBe(5);
    expect(ids).toHaveLength(2500);
    expect(new Set(ids).size).toBe(2500);
    expect(new Set(ids)).toEqual(new Set(env.expected.byPartner.get(PARTNER_A)!.map((c) => c.id)));
  });

  it('gives partner B its own 120 customers and none of A’s', async () => {
    const { ids } = await pageAll('/v1/customers?size=50', tokenB);
    expect(ids).toHaveLength(120);
    const a = new Set(env.expected.byPartner.get(PARTNER_A)!.map((c) => c.id));
    expect(ids.some((id) => a.has(id))).toBe(false);
  });

  it('shapes pages as documented: totalCount of this page, self link, next link with the continuation header', async () => {
    const res = await list('/v1/customers?size=40');
    const page = customerCollectionSchema.parse(res.json);
    expect(page.totalCount).toBe(40);
    expect(page.links.self).toEqual({ uri: '/v1/customers?size=40', method: 'GET', headers: [] });
    expect(page.links.next?.uri).toBe('/v1/customers?size=40&seekOperation=Next');
    expect(page.links.next?.headers).toEqual([
      { key: 'MS-ContinuationToken', value: page.continuationToken },
    ]);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('filters by CompanyName prefix, case-insensitively, and only by prefix', async () => {
    const all = env.expected.byPartner.get(PARTNER_A)!;
    const value = all[0]!.companyName.slice(0, 4);
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'CompanyName', Value: value.toUpperCase(), Operator: 'starts_with' }),
    );
    const { ids } = await pageAll(`/v1/customers?size=7&filter=${filter}`);
    const expected = all
      .filter((c) => c.companyName.toLowerCase().startsWith(value.toLowerCase()))
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThan(7);
    expect(new Set(ids)).toEqual(new Set(expected));
    expect(ids).toHaveLength(expected.length);

    // A word from the middle of names finds only the names that start with it.
    const inner = all
      .find((c) => / [A-Z][a-z]{4,}/.test(c.companyName))!
      .companyName.split(' ')[1]!;
    const midFilter = encodeURIComponent(
      JSON.stringify({ Field: 'CompanyName', Value: inner, Operator: 'starts_with' }),
    );
    const mid = new Set((await pageAll(`/v1/customers?size=500&filter=${midFilter}`)).ids);
    const containing = all.filter((c) =>
      c.companyName.toLowerCase().includes(` ${inner.toLowerCase()}`),
    );
    expect(containing.length).toBeGreaterThan(0);
    expect(containing.some((c) => mid.has(c.id))).toBe(false);
    expect(mid).toEqual(
      new Set(
        all
          .filter((c) => c.companyName.toLowerCase().startsWith(inner.toLowerCase()))
          .map((c) => c.id),
      ),
    );
  });

  it('filters by Domain prefix', async () => {
    const all = env.expected.byPartner.get(PARTNER_A)!;
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'Domain', Value: 'north', Operator: 'starts_with' }),
    );
    const { ids } = await pageAll(`/v1/customers?size=500&filter=${filter}`);
    const expected = all.filter((c) => c.domain.startsWith('north')).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(expected));
  });

  it('returns every match at once for a filter with size=0 or no size, as the docs’ example asks', async () => {
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'Domain', Value: 'b', Operator: 'starts_with' }),
    );
    const expected = env.expected.byPartner
      .get(PARTNER_A)!
      .filter((c) => c.domain.startsWith('b')).length;
    for (const q of [`size=0&filter=${filter}`, `filter=${filter}`]) {
      const page = customerCollectionSchema.parse((await list(`/v1/customers?${q}`)).json);
      expect(page.totalCount).toBe(expected);
      expect(page.links.next).toBeUndefined();
    }
  });

  it('returns an empty collection when nothing matches', async () => {
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'CompanyName', Value: 'zzzzqqq', Operator: 'starts_with' }),
    );
    const page = customerCollectionSchema.parse(
      (await list(`/v1/customers?size=10&filter=${filter}`)).json,
    );
    expect(page.items).toEqual([]);
  });

  it.each(['size=0', 'size=501', 'size=-1', 'size=abc', 'size=1.5', ''])(
    'rejects /v1/customers?%s with 400',
    async (q) => {
      const res = await list(`/v1/customers?${q}`);
      expect(res.status).toBe(400);
      expect(pcErrorSchema.parse(res.json).code).toBe(2000);
    },
  );

  it.each([
    ['not JSON', '{Field:CompanyName'],
    ['a JSON string', '"cont"'],
    [
      'an unsupported field',
      JSON.stringify({ Field: 'IndirectReseller', Value: 'x', Operator: 'starts_with' }),
    ],
    [
      'the SDK’s StartsWith spelling',
      JSON.stringify({ Field: 'CompanyName', Value: 'x', Operator: 'StartsWith' }),
    ],
    [
      'an empty value',
      JSON.stringify({ Field: 'CompanyName', Value: ' ', Operator: 'starts_with' }),
    ],
  ])('rejects a filter that is %s with 400', async (_label, filter) => {
    const res = await list(`/v1/customers?size=10&filter=${encodeURIComponent(filter)}`);
    expect(res.status).toBe(400);
    pcErrorSchema.parse(res.json);
  });

  it('refuses continuations that are missing, forged, or from another query or partner', async () => {
    const first = customerCollectionSchema.parse((await list('/v1/customers?size=10')).json);
    const token = first.continuationToken!;
    const cases: Array<[string, Record<string, string>, string]> = [
      ['/v1/customers?size=10&seekOperation=Next', {}, tokenA],
      ['/v1/customers?size=10&seekOperation=Next', { 'MS-ContinuationToken': 'forged' }, tokenA],
      ['/v1/customers?size=10&seekOperation=Previous', { 'MS-ContinuationToken': token }, tokenA],
      [
        `/v1/customers?size=10&seekOperation=Next&filter=${encodeURIComponent(JSON.stringify({ Field: 'Domain', Value: 'a', Operator: 'starts_with' }))}`,
        { 'MS-ContinuationToken': token },
        tokenA,
      ],
      ['/v1/customers?size=10&seekOperation=Next', { 'MS-ContinuationToken': token }, tokenB],
    ];
    for (const [path, headers, bearer] of cases) {
      const res = await list(path, bearer, headers);
      expect(res.status).toBe(400);
      pcErrorSchema.parse(res.json);
    }
    const ok = await list('/v1/customers?size=10&seekOperation=Next', tokenA, {
      'MS-ContinuationToken': token,
    });
    expect(ok.status).toBe(200);
  });
});
