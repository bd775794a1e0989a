import { createPartnerCenterClient, isPartnerCenterError } from '@/lib/partner-center';

type Call = { url: URL; method: string; headers: Headers; body?: string };

function fakePartnerCenter(script: Response[]) {
  const calls: Call[] = [];
  const fetchFn = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: new URL(String(input)),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    const next = script.shift();
    if (!next) throw new Error('unexpected extra call');
    return next;
  });
  return { calls, fetch: fetchFn as unknown as typeof fetch };
}

const CUSTOMER = '11111111-2222-4333-8444-555555555555';
const APP = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const consent = {
  applicationId: APP,
  displayName: 'Partner Portal',
  applicationGrants: [
    {
      enterpriseApplicationId: '00000003-0000-0000-c000-000000000000',
      scope: 'Application.Read.All,DelegatedPermissionGrant.Read.All',
    },
  ],
};
const base = { baseUrl: 'https://pc.test', sleep: async () => undefined };
const token = async () => 'the-token';

describe('Partner Center application consents (the CPV step)', () => {
  it('POSTs the consent as JSON and reports created on 201', async () => {
    const pc = fakePartnerCenter([new Response(JSON.stringify(consent), { status: 201 })]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    await expect(client.createApplicationConsent(CUSTOMER, consent)).resolves.toBe('created');
    expect(pc.calls[0]!.method).toBe('POST');
    expect(pc.calls[0]!.url.pathname).toBe(`/v1/customers/${CUSTOMER}/applicationconsents`);
    expect(pc.calls[0]!.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(pc.calls[0]!.body!)).toEqual(consent);
  });

  it('counts 409 ("Permission entry already exists") as done', async () => {
    const pc = fakePartnerCenter([
      new Response(JSON.stringify({ code: 409, description: 'Permission entry already exists.' }), {
        status: 409,
      }),
    ]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    await expect(client.createApplicationConsent(CUSTOMER, consent)).resolves.toBe('exists');
  });

  it('keeps one MS-RequestId across a retried POST (Partner Center dedupes on it)', async () => {
    const pc = fakePartnerCenter([
      new Response(JSON.stringify({ statusCode: 429, message: 'Rate limit' }), {
        status: 429,
        headers: { 'retry-after': '1' },
      }),
      new Response('', { status: 201 }),
    ]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    await expect(client.createApplicationConsent(CUSTOMER, consent)).resolves.toBe('created');
    expect(pc.calls[0]!.headers.get('ms-requestid')).toBe(pc.calls[1]!.headers.get('ms-requestid'));
  });

  it('throws partner_center_forbidden on 403 (no consent-capable GDAP role)', async () => {
    const pc = fakePartnerCenter([
      new Response(JSON.stringify({ code: 403, description: 'denied' }), { status: 403 }),
    ]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    const error = await client.createApplicationConsent(CUSTOMER, consent).catch((e: unknown) => e);
    expect(isPartnerCenterError(error) && error.code).toBe('partner_center_forbidden');
  });

  it('DELETEs by application id, absent on 404', async () => {
    const pc = fakePartnerCenter([
      new Response('', { status: 200 }),
      new Response('', { status: 404 }),
    ]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    await expect(client.deleteApplicationConsent(CUSTOMER, APP)).resolves.toBe('deleted');
    await expect(client.deleteApplicationConsent(CUSTOMER, APP)).resolves.toBe('absent');
    expect(pc.calls[0]!.method).toBe('DELETE');
    expect(pc.calls[0]!.url.pathname).toBe(`/v1/customers/${CUSTOMER}/applicationconsents/${APP}`);
  });

  it('never sends a malformed customer or application id', async () => {
    const pc = fakePartnerCenter([]);
    const client = createPartnerCenterClient(token, { ...base, fetch: pc.fetch });
    await expect(client.createApplicationConsent('../x', consent)).rejects.toMatchObject({
      code: 'partner_center_not_found',
    });
    await expect(client.deleteApplicationConsent(CUSTOMER, '../../x')).rejects.toThrow(RangeError);
    expect(pc.calls).toHaveLength(0);
  });
});
