import {
  createPartnerCenterClient,
  isPartnerCenterError,
  type PartnerCenterError,
} from '@/lib/partner-center';
import { withLogContext } from '@/lib/log';
import { BudgetExhaustedError } from '@/lib/budget/request-budget';

type Call = { url: URL; headers: Headers };

/** A scripted Partner Center: each call takes the next response (or throws for a dropped connection). */
function fakePartnerCenter(script: Array<Response | Error | ((call: Call) => Response)>) {
  const calls: Call[] = [];
  const fetchFn = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: new URL(String(input)), headers: new Headers(init?.headers) };
    calls.push(call);
    const next = script.shift();
    if (!next) throw new Error('unexpected extra call');
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(call) : next;
  });
  return { calls, fetch: fetchFn as unknown as typeof fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const customer = (i: number, rel = 'reseller') => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  companyProfile: { tenantId: 'x', domain: `c${i}.onmicrosoft.com`, companyName: `Customer ${i}` },
  relationshipToPartner: rel,
  attributes: { objectType: 'Customer' },
});

const page = (items: unknown[], token?: string) => ({
  totalCount: items.length,
  items,
  links: {
    self: { uri: '/customers?size=500', method: 'GET', headers: [] },
    ...(token
      ? {
          next: {
            uri: '/customers?size=500&seekOperation=Next',
            method: 'GET',
            headers: [{ key: 'MS-ContinuationToken', value: token }],
          },
        }
      : {}),
  },
  attributes: { objectType: 'Collection' },
});

const noSleep = { sleep: async () => undefined };
const base = { baseUrl: 'https://pc.test', ...noSleep };
const token = async () => 'the-token';

describe('Partner Center client: paging and filter', () => {
  it('follows continuation tokens with seekOperation=Next and the MS-ContinuationToken header', async () => {
    const pc = fakePartnerCenter([
      json(page([customer(1), customer(2)], 'tok-1')),
      json(page([customer(3)], 'tok-2')),
      json(page([customer(4)])),
    ]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    const progress: Array<{ loaded: number; done: boolean }> = [];

    const all = await client.listAllCustomers((p) =>
      progress.push({ loaded: p.loaded, done: p.done }),
    );

    expect(all.map((c) => c.companyName)).toEqual([
      'Customer 1',
      'Customer 2',
      'Customer 3',
      'Customer 4',
    ]);
    expect(pc.calls).toHaveLength(3);
    expect(pc.calls[0]!.url.pathname).toBe('/v1/customers');
    expect(pc.calls[0]!.url.searchParams.get('size')).toBe('500');
    expect(pc.calls[0]!.url.searchParams.has('seekOperation')).toBe(false);
    expect(pc.calls[0]!.headers.has('MS-ContinuationToken')).toBe(false);
    expect(pc.calls[1]!.url.searchParams.get('seekOperation')).toBe('Next');
    expect(pc.calls[1]!.headers.get('MS-ContinuationToken')).toBe('tok-1');
    expect(pc.calls[2]!.headers.get('MS-ContinuationToken')).toBe('tok-2');
    expect(progress).toEqual([
      { loaded: 2, done: false },
      { loaded: 3, done: false },
      { loaded: 4, done: true },
    ]);
  });

  it('sends the documented starts_with filter and caps the page size at 500', async () => {
    const pc = fakePartnerCenter([json(page([customer(1)]))]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    const result = await client.listCustomersPage({
      size: 9000,
      filter: { field: 'Domain', value: 'con' },
    });
    expect(result.continuationToken).toBeUndefined();
    expect(pc.calls[0]!.url.searchParams.get('size')).toBe('500');
    expect(JSON.parse(pc.calls[0]!.url.searchParams.get('filter')!)).toEqual({
      Field: 'Domain',
      Value: 'con',
      Operator: 'starts_with',
    });
  });

  it('maps wire shapes to app types, normalising relationship spellings', async () => {
    const pc = fakePartnerCenter([
      json(
        page([
          customer(1, 'microsoftSupport'),
          customer(2, 'advisor'),
          customer(3, 'something-new'),
        ]),
      ),
    ]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    const { items } = await client.listCustomersPage();
    expect(items.map((c) => c.relationship)).toEqual(['microsoft_support', 'advisor', 'unknown']);
    expect(items[0]).toEqual({
      id: customer(1).id,
      companyName: 'Customer 1',
      domain: 'c1.onmicrosoft.com',
      relationship: 'microsoft_support',
    });
  });
});

describe('Partner Center client: headers', () => {
  it('sends bearer, MS-CorrelationId from the log context and one MS-RequestId kept across retries', async () => {
    const pc = fakePartnerCenter([
      json({}, 503),
      json({ id: 'p1', companyName: 'Contoso Partner', tenantId: 'p1' }),
    ]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    const correlationId = '11111111-2222-4333-8444-555555555555';

    const profile = await withLogContext(() => client.getOrganizationProfile(), correlationId);

    expect(profile.companyName).toBe('Contoso Partner');
    expect(pc.calls).toHaveLength(2);
    const [first, second] = pc.calls;
    expect(first!.headers.get('Authorization')).toBe('Bearer the-token');
    expect(first!.headers.get('MS-CorrelationId')).toBe(correlationId);
    expect(second!.headers.get('MS-CorrelationId')).toBe(correlationId);
    expect(first!.headers.get('MS-RequestId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second!.headers.get('MS-RequestId')).toBe(first!.headers.get('MS-RequestId'));
  });

  it('uses a fresh MS-RequestId for each separate call', async () => {
    const pc = fakePartnerCenter([json(page([])), json(page([]))]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    await client.listCustomersPage();
    await client.listCustomersPage();
    expect(pc.calls[0]!.headers.get('MS-RequestId')).not.toBe(
      pc.calls[1]!.headers.get('MS-RequestId'),
    );
  });
});

describe('Partner Center client: retries with a fake clock', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('waits the full Retry-After of a 429 before retrying', async () => {
    const pc = fakePartnerCenter([
      json({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 7 seconds.' }, 429, {
        'Retry-After': '7',
      }),
      json(page([customer(1)])),
    ]);
    const client = createPartnerCenterClient(token, {
      baseUrl: 'https://pc.test',
      fetch: pc.fetch,
    });

    const result = client.listCustomersPage();
    await jest.advanceTimersByTimeAsync(6_999);
    expect(pc.calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect((await result).items).toHaveLength(1);
    expect(pc.calls).toHaveLength(2);
  });

  it('backs off exponentially on 5xx and dropped connections, then gives up with a typed error', async () => {
    const pc = fakePartnerCenter([
      json({}, 500),
      new TypeError('fetch failed'),
      json({}, 502),
      json({ code: 3000, description: 'busy' }, 503),
    ]);
    const client = createPartnerCenterClient(token, {
      baseUrl: 'https://pc.test',
      fetch: pc.fetch,
      retry: { maxRetries: 3, baseDelayMs: 1000 },
    });

    const result = client
      .getCustomerSubscriptions('00000000-0000-4000-8000-000000000001')
      .catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(499); // the first backoff is at least half of 1000 ms
    expect(pc.calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(10_000);
    const error = (await result) as PartnerCenterError;
    expect(pc.calls).toHaveLength(4);
    expect(isPartnerCenterError(error)).toBe(true);
    expect(error.code).toBe('partner_center_unavailable');
    expect(error.details).toMatchObject({ upstreamStatus: 503, partnerCenterCode: '3000' });
  });

  it('times out a hung call, retries it, and reports a timeout', async () => {
    const fetchFn = jest.fn(
      (_url: unknown, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
          );
        }),
    );
    const client = createPartnerCenterClient(token, {
      baseUrl: 'https://pc.test',
      fetch: fetchFn as unknown as typeof fetch,
      timeoutMs: 1_000,
      retry: { maxRetries: 1, baseDelayMs: 100 },
    });

    const result = client.getOrganizationProfile().catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(5_000);
    const error = (await result) as PartnerCenterError;
    expect(fetchFn).toHaveBeenCalledTimes(2);
    expect(error.code).toBe('partner_center_timeout');
  });
});

describe('Partner Center client: errors', () => {
  it('does not retry a 404 and keeps Partner Center’s code for the logs', async () => {
    const pc = fakePartnerCenter([
      json({ code: 1000, description: 'Not found', source: 'PartnerFD' }, 404),
    ]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    const error = (await client
      .getCustomer('00000000-0000-4000-8000-000000000009')
      .catch((e: unknown) => e)) as PartnerCenterError;
    expect(pc.calls).toHaveLength(1);
    expect(error.code).toBe('partner_center_not_found');
    expect(error.status).toBe(404);
    expect(error.details).toMatchObject({ upstreamStatus: 404, partnerCenterCode: '1000' });
  });

  it('maps 401 (e.g. MFA required) and 403 without retrying', async () => {
    const pc = fakePartnerCenter([
      new Response('', { status: 401 }),
      json({ code: 20002, description: 'no commerce relationship' }, 403),
    ]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    const e401 = (await client
      .getOrganizationProfile()
      .catch((e: unknown) => e)) as PartnerCenterError;
    const e403 = (await client
      .getOrganizationProfile()
      .catch((e: unknown) => e)) as PartnerCenterError;
    expect([e401.code, e403.code]).toEqual([
      'partner_center_unauthorized',
      'partner_center_forbidden',
    ]);
    expect(e403.details.partnerCenterCode).toBe('20002');
    expect(pc.calls).toHaveLength(2);
  });

  it('fails fast when Retry-After is longer than the client is willing to wait', async () => {
    const pc = fakePartnerCenter([
      json({ statusCode: 429, message: 'Try again in 57 seconds.' }, 429, { 'Retry-After': '57' }),
    ]);
    const client = createPartnerCenterClient(token, {
      ...base,
      fetch: pc.fetch,
      retry: { maxDelayMs: 30_000 },
    });
    const error = (await client.listCustomersPage().catch((e: unknown) => e)) as PartnerCenterError;
    expect(pc.calls).toHaveLength(1);
    expect(error.code).toBe('partner_center_throttled');
    expect(error.details.retryAfterSeconds).toBe(57);
  });

  it('rejects a response that does not match the schema', async () => {
    const pc = fakePartnerCenter([json({ items: [{ companyProfile: {} }] })]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    const error = (await client.listCustomersPage().catch((e: unknown) => e)) as PartnerCenterError;
    expect(error.code).toBe('partner_center_bad_response');
    expect(error.details.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never sends a malformed customer id to Partner Center', async () => {
    const pc = fakePartnerCenter([]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    const error = (await client
      .getCustomer('../profiles/organization')
      .catch((e: unknown) => e)) as PartnerCenterError;
    expect(error.code).toBe('partner_center_not_found');
    expect(pc.calls).toHaveLength(0);
  });

  it('passes token errors through untouched and does not call Partner Center', async () => {
    const pc = fakePartnerCenter([]);
    const dead = new Error('grant is dead');
    const client = createPartnerCenterClient(async () => Promise.reject(dead), {
      ...base,
      fetch: pc.fetch,
    });
    await expect(client.listCustomersPage()).rejects.toBe(dead);
    expect(pc.calls).toHaveLength(0);
  });
});

describe('Partner Center client: the shared budget', () => {
  it('takes from the budget before every attempt and reports a 429 with its Retry-After', async () => {
    const events: string[] = [];
    const budget = {
      take: async () => void events.push('take'),
      throttled: (ms: number | undefined) => void events.push(`throttled ${ms}`),
    };
    const pc = fakePartnerCenter([
      json({ statusCode: 429, message: 'Rate limit is exceeded.' }, 429, { 'Retry-After': '3' }),
      json(page([customer(1)])),
    ]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch, budget });
    const result = await client.listCustomersPage();
    expect(result.items).toHaveLength(1);
    expect(events).toEqual(['take', 'throttled 3000', 'take']);
  });

  it('a budget that gives up fails the call before Partner Center is called', async () => {
    const pc = fakePartnerCenter([]);
    const budget = {
      take: async () => {
        throw Object.assign(new Error('busy'), { code: 'budget_exhausted' });
      },
      throttled: () => undefined,
    };
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch, budget });
    await expect(client.listCustomersPage()).rejects.toMatchObject({ code: 'budget_exhausted' });
    expect(pc.calls).toHaveLength(0);
  });

  it("a tenant held back by Partner Center's own 429 is told Partner Center throttles it, and for how long", async () => {
    const pc = fakePartnerCenter([]);
    const budget = {
      take: async () => {
        throw new BudgetExhaustedError(95_500, 'throttled');
      },
      throttled: () => undefined,
    };
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch, budget });
    await expect(client.listCustomersPage()).rejects.toMatchObject({
      code: 'partner_center_throttled',
      details: { retryAfterSeconds: 96 },
    });
    expect(pc.calls).toHaveLength(0);
  });

  it('maps a throttled budget error from another bundle’s copy of the class too (no instanceof)', async () => {
    // What another Next bundle's BudgetExhaustedError looks like here: same shape, other class.
    const foreign = Object.assign(new Error('busy'), {
      name: 'AppError',
      code: 'budget_exhausted',
      status: 503,
      retryAfterMs: 30_000,
      reason: 'throttled',
    });
    const pc = fakePartnerCenter([]);
    const budget = {
      take: async () => {
        throw foreign;
      },
      throttled: () => undefined,
    };
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch, budget });
    await expect(client.listCustomersPage()).rejects.toMatchObject({
      code: 'partner_center_throttled',
      details: { retryAfterSeconds: 30 },
    });
  });

  it('a window that is merely full stays budget_exhausted', async () => {
    const pc = fakePartnerCenter([]);
    const budget = {
      take: async () => {
        throw new BudgetExhaustedError(40_000, 'full');
      },
      throttled: () => undefined,
    };
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch, budget });
    await expect(client.listCustomersPage()).rejects.toMatchObject({ code: 'budget_exhausted' });
  });
});
