import { toTenantId } from '@/lib/ids/tenant-id';
import { CustomerListEntry } from '@/lib/customers/customer-list-entry';
import { getCustomerDetail } from '@/lib/customers/get-customer-detail';
import { PartnerCenterError } from '@/lib/partner-center/partner-center-error';
import type { SessionUser } from '@/lib/auth/session-user';

/**
 * getCustomerDetail decides "not found" for ids outside the user's tenant, both when the
 * tenant's full list is cached (no Partner Center call at all) and when it is not (Partner
 * Center's 403/20002 or 404 becomes our 404). Partner Center and the caches are faked here
 * (jest hoists the jest.mock calls above the imports).
 */
const getCustomer = jest.fn();
const getCustomerSubscriptions = jest.fn();
const tokenFor = jest.fn(async (tid: string) => `token-of-${tid}`);
let cached: CustomerListEntry | undefined;

jest.mock('@/lib/partner-center', () => {
  const actual = jest.requireActual('@/lib/partner-center');
  return {
    ...actual,
    createPartnerCenterClient: (getToken: () => Promise<string>) => ({
      getCustomer: async (id: string) => getCustomer(await getToken(), id),
      getCustomerSubscriptions: async (id: string) =>
        getCustomerSubscriptions(await getToken(), id),
    }),
  };
});
jest.mock('@/lib/tokens', () => ({ getTokenBroker: () => ({ getAccessToken: tokenFor }) }));
// The fleet-wide per-request check has its own tests (tests/integration/fleet-coordination.test.ts).
jest.mock('@/lib/customers/assert-tenant-serving', () => ({ assertTenantServing: async () => {} }));
jest.mock('@/lib/fleet', () => ({ partnerCenterBudgetFor: () => undefined }));
jest.mock('@/lib/customers/get-customer-list-cache', () => ({
  getCustomerListCache: () => ({ peek: () => cached }),
}));

const B = toTenantId('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
const userB: SessionUser = {
  tid: B,
  oid: 'o',
  sid: 'test-session-0123456789',
  name: 'n',
  upn: 'u',
  roles: [],
  isPartnerAdmin: false,
  isOperator: false,
};
const ownId = toTenantId('11111111-0000-4000-8000-000000000001');
const foreignId = toTenantId('22222222-0000-4000-8000-000000000002');
const summary = {
  id: ownId,
  companyName: 'Own',
  domain: 'own.example',
  relationship: 'reseller' as const,
};

beforeEach(() => {
  jest.clearAllMocks();
  cached = undefined;
  getCustomer.mockImplementation(async (_token: string, id: string) => {
    if (id !== ownId)
      throw new PartnerCenterError('partner_center_forbidden', {
        requestId: 'r',
        correlationId: 'c',
        upstreamStatus: 403,
        partnerCenterCode: '20002',
      });
    return { ...summary, customDomains: [] };
  });
  getCustomerSubscriptions.mockResolvedValue([]);
});

describe('getCustomerDetail: tenant isolation', () => {
  it('reads the user’s own customer with the user’s own tenant token', async () => {
    await expect(getCustomerDetail(userB, ownId)).resolves.toMatchObject({
      customer: { id: ownId },
    });
    expect(getCustomer).toHaveBeenCalledWith(`token-of-${B}`, ownId);
  });

  it('turns Partner Center’s 403 for another partner’s customer into not found', async () => {
    await expect(getCustomerDetail(userB, foreignId)).rejects.toMatchObject({
      code: 'customer_not_found',
      status: 404,
    });
  });

  it('answers not found without calling Partner Center when the complete cached list lacks the id', async () => {
    cached = new CustomerListEntry(B, 0);
    cached.append([summary]);
    cached.complete(1);
    await expect(getCustomerDetail(userB, foreignId)).rejects.toMatchObject({
      code: 'customer_not_found',
    });
    expect(getCustomer).not.toHaveBeenCalled();
  });

  it('rejects a malformed id before any call', async () => {
    await expect(getCustomerDetail(userB, '../profiles/organization')).rejects.toMatchObject({
      code: 'customer_not_found',
    });
    expect(tokenFor).not.toHaveBeenCalled();
  });

  it('lets other failures through (the page shows the error state)', async () => {
    getCustomer.mockRejectedValueOnce(
      new PartnerCenterError('partner_center_unavailable', {
        requestId: 'r',
        correlationId: 'c',
        upstreamStatus: 503,
      }),
    );
    await expect(getCustomerDetail(userB, ownId)).rejects.toMatchObject({
      code: 'partner_center_unavailable',
    });
  });
});
