/**
 * Hole 2 of issue 10: every customer data path goes through one guard that checks the
 * connection's current state, and a disconnect or a dead grant drops the tenant's cached list
 * at once. Before, the CSV export and the progress poll served a cached list after a disconnect.
 */
import type { SessionUser } from '@/lib/auth';
import { resetConfigForTests } from '@/lib/config';
import { toTenantId } from '@/lib/ids/tenant-id';
import { ConnectionError } from '@/lib/tokens/connection-error';

const TENANT = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const CUSTOMER = '11111111-1111-4111-8111-111111111111';
const user: SessionUser = {
  tid: TENANT,
  oid: 'oid',
  sid: 'test-session-0123456789',
  name: 'Staff',
  upn: 'staff@a.example',
  roles: [],
  isPartnerAdmin: false,
  isOperator: false,
};

let connected = true;
const getAccessToken = jest.fn(async () => {
  if (!connected) throw new ConnectionError('connection_missing', TENANT);
  return 'at';
});
jest.mock('@/lib/tokens', () => ({
  ...jest.requireActual('@/lib/tokens'),
  getTokenBroker: () => ({ getAccessToken, forget: async () => undefined }),
}));
jest.mock('@/lib/partner-center', () => ({
  ...jest.requireActual('@/lib/partner-center'),
  createPartnerCenterClient: () => ({
    listCustomersPage: async () => ({
      items: [
        {
          id: CUSTOMER,
          companyName: 'Contoso',
          domain: 'contoso.example',
          relationship: 'reseller',
        },
      ],
    }),
    getCustomer: async () => ({ id: CUSTOMER, companyName: 'Contoso' }),
    getCustomerSubscriptions: async () => [],
  }),
}));

beforeAll(() => {
  Object.assign(process.env, {
    PORTAL_URL: 'http://localhost:3101',
    NEXTAUTH_SECRET: 'unit-test-secret-unit-test-secret-0123',
    ENTRA_CLIENT_ID: '11111111-1111-1111-1111-111111111111',
    ENTRA_CLIENT_SECRET: 'not-a-real-secret',
    ENTRA_HOME_TENANT_ID: '22222222-2222-2222-2222-222222222222',
    KEY_VAULT_URL: 'https://vault.example',
    DATABASE_URL: 'postgres://portal@localhost:5432/unit-test-never-connected',
  });
  resetConfigForTests();
});

beforeEach(() => {
  connected = true;
});

async function loadCustomers() {
  return import('@/lib/customers');
}

it('serves list, detail, export and progress while the connection lives', async () => {
  const c = await loadCustomers();
  await expect(c.listCustomers(user, c.DEFAULT_QUERY)).resolves.toMatchObject({ total: 1 });
  await expect(c.getCustomerDetail(user, CUSTOMER)).resolves.toMatchObject({
    customer: { id: CUSTOMER },
  });
  await expect(c.exportCustomersCsv(user)).resolves.toBeDefined();
  await expect(c.getCustomerListProgress(user)).resolves.toMatchObject({ status: 'complete' });
});

it.each([
  [
    'list',
    (c: Awaited<ReturnType<typeof loadCustomers>>) => c.listCustomers(user, c.DEFAULT_QUERY),
  ],
  ['detail', (c: Awaited<ReturnType<typeof loadCustomers>>) => c.getCustomerDetail(user, CUSTOMER)],
  ['export', (c: Awaited<ReturnType<typeof loadCustomers>>) => c.exportCustomersCsv(user)],
  ['progress', (c: Awaited<ReturnType<typeof loadCustomers>>) => c.getCustomerListProgress(user)],
  ['refresh', (c: Awaited<ReturnType<typeof loadCustomers>>) => c.refreshCustomers(user)],
])(
  '%s refuses at once once the connection is gone, although a list is cached',
  async (_n, call) => {
    const c = await loadCustomers();
    await c.listCustomers(user, c.DEFAULT_QUERY); // the list is cached
    connected = false;
    await expect(call(c)).rejects.toMatchObject({ code: 'connection_missing' });
  },
);

it('a disconnect or a dead grant (connectionLost) drops the tenant’s cached list at once', async () => {
  const c = await loadCustomers();
  const { connectionLost } = await import('@/lib/tokens');
  await c.listCustomers(user, c.DEFAULT_QUERY);
  expect(c.getCustomerListCache().peek(TENANT)).toBeDefined();
  connectionLost(TENANT);
  expect(c.getCustomerListCache().peek(TENANT)).toBeUndefined();
});
