import { toTenantId } from '@/lib/ids/tenant-id';
/**
 * "Check now" records a failure the broker does not (MFA demanded, Entra unreachable ...), so the
 * connection's health shows it. Regression: `isEntraError` used `instanceof`, and an EntraError
 * thrown by the process-wide broker may come from another bundle's copy of lib/entra, so an MFA
 * failure found by "check now" went unrecorded.
 */
import type * as EntraErrors from '@/lib/entra/entra-error';
import type { ConnectionTags } from '@/lib/vault/connection-tags';

const TENANT = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const NOW = Date.parse('2026-03-01T00:00:00Z');

const tags: ConnectionTags = {
  connectedByOid: 'o',
  connectedByUpn: 'admin@a.example',
  connectedAt: new Date(NOW - 86_400_000).toISOString(),
  amr: 'pwd mfa',
  scopes: 's',
  rotatedAt: new Date(NOW - 86_400_000).toISOString(),
  status: 'ok',
};
const store = {
  tags: { ...tags },
  updates: [] as Array<Partial<ConnectionTags>>,
  async get() {
    return {
      tenantId: TENANT,
      refreshToken: 'rt',
      version: 'v1',
      tags: store.tags,
      updatedOn: new Date(NOW),
    };
  },
  async updateTags(_tenantId: string, patch: Partial<ConnectionTags>) {
    store.updates.push(patch);
    store.tags = { ...store.tags, ...patch };
  },
};
const redeemNow = jest.fn();

jest.mock('@/lib/vault', () => ({ getRefreshTokenStore: () => store }));
jest.mock('@/lib/tokens', () => ({
  ...jest.requireActual('@/lib/tokens/connection-error'),
  getTokenBroker: () => ({ redeemNow }),
}));

/** An EntraError made by a second copy of lib/entra, as another Next bundle layer would make it. */
function foreignEntraError(aadsts: number) {
  let copy!: typeof EntraErrors;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module registry needs require
  jest.isolateModules(() => (copy = require('@/lib/entra/entra-error') as typeof EntraErrors));
  return new copy.EntraError({ aadsts, error: 'interaction_required' });
}

beforeEach(() => {
  store.tags = { ...tags };
  store.updates = [];
});

it('records an MFA failure found by "check now" (error from another module copy) as mfa_missing', async () => {
  const { checkConnection } = await import('@/lib/connections/check-connection');
  redeemNow.mockRejectedValueOnce(foreignEntraError(50076));
  const outcome = await checkConnection(TENANT, () => NOW);
  expect(outcome.ok).toBe(false);
  expect(outcome.code).toBe('AADSTS50076');
  expect(store.updates).toEqual([
    {
      status: 'mfa_missing',
      lastErrorCode: 'AADSTS50076',
      lastErrorAt: new Date(NOW).toISOString(),
    },
  ]);
  expect(outcome.health.status).toBe('mfa_missing');
  expect(outcome.health.advice?.code).toBe('AADSTS50076');
});

it('records another Entra failure as error with its code', async () => {
  const { checkConnection } = await import('@/lib/connections/check-connection');
  redeemNow.mockRejectedValueOnce(foreignEntraError(7000215));
  const outcome = await checkConnection(TENANT, () => NOW);
  expect(store.updates[0]).toMatchObject({ status: 'error', lastErrorCode: 'AADSTS7000215' });
  expect(outcome.health.status).toBe('error');
});
