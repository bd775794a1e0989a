import type { TenantId } from '@/lib/ids/tenant-id';
import {
  createPartnerCenterClient,
  type CustomerSummary,
  type PartnerCenterError,
} from '@/lib/partner-center';
import { getTokenBroker } from '@/lib/tokens';
import { withLogContext } from '@/lib/log';
import { control } from '../support/control';
import { seededTenants } from '../support/manifest';
import { connectPartner } from '../support/connect-partner';

/**
 * The Partner Center client against the emulated Partner Center, with a real App+User token
 * from the broker (stored refresh token → msal-node → emulated Entra), including injected faults.
 */
const { partnerA, partnerB } = seededTenants();
let tenantA: TenantId;
let tenantB: TenantId;
const clientFor = (tenantId: TenantId, opts = {}) =>
  createPartnerCenterClient(() => getTokenBroker().getAccessToken(tenantId), opts);
const fastRetries = { retry: { baseDelayMs: 50 } };

let customersA: CustomerSummary[];

beforeAll(async () => {
  await control.reset();
  tenantA = await connectPartner('partnerA');
  tenantB = await connectPartner('partnerB');
});

afterEach(async () => {
  await control.clearFaults();
});

describe('Partner Center client: reads', () => {
  test('the organization profile proves whose token it is', async () => {
    expect(await clientFor(tenantA).getOrganizationProfile()).toMatchObject({
      tenantId: tenantA,
      companyName: partnerA.name,
    });
    expect(await clientFor(tenantB).getOrganizationProfile()).toMatchObject({
      tenantId: tenantB,
      companyName: partnerB.name,
    });
  });

  test('pages through all 2,500 of partner A’s customers with continuation tokens', async () => {
    const progress: number[] = [];
    customersA = await clientFor(tenantA).listAllCustomers((p) => progress.push(p.loaded));
    expect(customersA).toHaveLength(2_500);
    expect(progress).toEqual([500, 1000, 1500, 2000, 2500]);
    expect(new Set(customersA.map((c) => c.id)).size).toBe(2_500);
    expect(customersA[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      companyName: expect.any(String),
      domain: expect.any(String),
      relationship: expect.any(String),
    });
  });

  test('a starts_with filter on company name narrows the list, case-insensitively', async () => {
    const prefix = customersA[0]!.companyName.slice(0, 3);
    const page = await clientFor(tenantA).listCustomersPage({
      filter: { field: 'CompanyName', value: prefix.toUpperCase() },
    });
    const expected = customersA.filter((c) =>
      c.companyName.toLowerCase().startsWith(prefix.toLowerCase()),
    );
    expect(page.items.map((c) => c.id).sort()).toEqual(
      expected
        .map((c) => c.id)
        .slice(0, 500)
        .sort(),
    );
  });

  test('a customer of A, with subscriptions, reads through A’s token; through B’s it is forbidden', async () => {
    const id = customersA[0]!.id;
    const detail = await clientFor(tenantA).getCustomer(id);
    expect(detail).toMatchObject({ id, companyName: customersA[0]!.companyName });
    expect(typeof detail.allowDelegatedAccess).toBe('boolean');
    const subscriptions = await clientFor(tenantA).getCustomerSubscriptions(id);
    expect(Array.isArray(subscriptions)).toBe(true);

    const error = (await clientFor(tenantB)
      .getCustomer(id)
      .catch((e: unknown) => e)) as PartnerCenterError;
    expect(error.code).toBe('partner_center_forbidden');
    expect(error.details.partnerCenterCode).toBe('20002');
  });

  test('an unknown customer id is not found', async () => {
    const error = (await clientFor(tenantA)
      .getCustomer('00000000-0000-4000-8000-000000000000')
      .catch((e: unknown) => e)) as PartnerCenterError;
    expect(error.code).toBe('partner_center_not_found');
  });
});

describe('Partner Center client: faults', () => {
  test('429 with Retry-After: waits and succeeds', async () => {
    await control.addFault({
      service: 'partner-center',
      route: '^GET /v1/customers$',
      kind: 'status',
      status: 429,
      retryAfter: 1,
      count: 1,
    });
    const started = Date.now();
    const page = await clientFor(tenantA, fastRetries).listCustomersPage();
    expect(page.items).toHaveLength(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  test('503 twice, then success', async () => {
    await control.addFault({
      service: 'partner-center',
      route: '^GET /v1/profiles/organization$',
      kind: 'status',
      status: 503,
      retryAfter: 0,
      count: 2,
    });
    await expect(clientFor(tenantA, fastRetries).getOrganizationProfile()).resolves.toMatchObject({
      tenantId: tenantA,
    });
  });

  test('a dropped connection is retried', async () => {
    await control.addFault({
      service: 'partner-center',
      route: '^GET /v1/customers$',
      kind: 'drop',
      count: 1,
    });
    await expect(clientFor(tenantA, fastRetries).listCustomersPage()).resolves.toMatchObject({
      items: expect.any(Array),
    });
  });

  test('latency beyond the timeout is retried, then succeeds', async () => {
    await control.addFault({
      service: 'partner-center',
      route: '^GET /v1/profiles/organization$',
      kind: 'latency',
      delayMs: 1_500,
      count: 1,
    });
    await expect(
      clientFor(tenantA, { ...fastRetries, timeoutMs: 700 }).getOrganizationProfile(),
    ).resolves.toMatchObject({ tenantId: tenantA });
  });

  test('a persistent 500 ends in a typed error carrying the correlation id', async () => {
    await control.addFault({
      service: 'partner-center',
      route: '^GET /v1/profiles/organization$',
      kind: 'status',
      status: 500,
    });
    const correlationId = '0e0e0e0e-1111-4222-8333-444444444444';
    const error = (await withLogContext(
      () =>
        clientFor(tenantA, { retry: { maxRetries: 2, baseDelayMs: 20 } }).getOrganizationProfile(),
      correlationId,
    ).catch((e: unknown) => e)) as PartnerCenterError;
    expect(error.code).toBe('partner_center_unavailable');
    expect(error.details).toMatchObject({ upstreamStatus: 500, correlationId });
  });

  test('a long Retry-After fails fast as throttled instead of hanging the page', async () => {
    await control.addFault({
      service: 'partner-center',
      route: '^GET /v1/customers$',
      kind: 'status',
      status: 429,
      retryAfter: 120,
      count: 1,
    });
    const error = (await clientFor(tenantA)
      .listCustomersPage()
      .catch((e: unknown) => e)) as PartnerCenterError;
    expect(error.code).toBe('partner_center_throttled');
    expect(error.details.retryAfterSeconds).toBe(120);
  });
});
