/**
 * The operator kill switch and "delete permanently": who may disconnect, and what a purge the
 * vault refuses turns into.
 */
import type { SessionUser } from '@/lib/auth';
import { toTenantId } from '@/lib/ids/tenant-id';
import { VaultError } from '@/lib/vault/vault-error';

const A = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
const B = toTenantId('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
const HOME = toTenantId('cccccccc-cccc-4ccc-8ccc-cccccccccccc');
const base = { oid: 'o', sid: 'test-session-0123456789', name: 'n', upn: 'u', roles: [] };
const adminA: SessionUser = { ...base, tid: A, isPartnerAdmin: true, isOperator: false };
const staffA: SessionUser = { ...base, tid: A, isPartnerAdmin: false, isOperator: false };
const operator: SessionUser = { ...base, tid: HOME, isPartnerAdmin: false, isOperator: true };

const store = {
  disconnect: jest.fn(async () => undefined),
  purge: jest.fn(async () => undefined),
};
const forget = jest.fn(async () => undefined);
const lost = jest.fn();
jest.mock('@/lib/vault', () => ({
  ...jest.requireActual('@/lib/vault'),
  getRefreshTokenStore: () => store,
}));
const recorded = jest.fn(async () => undefined);
const directoryForget = jest.fn(async () => undefined);
jest.mock('@/lib/fleet', () => ({
  getTenantStates: () => ({ record: recorded }),
  getCustomerDirectory: () => ({ forget: directoryForget }),
}));
const locked: string[] = [];
jest.mock('@/lib/tokens', () => ({
  ...jest.requireActual('@/lib/tokens'),
  getTokenBroker: () => ({
    forget,
    // The tenant's fleet-wide lock (lib/fleet); refused while the database is unreachable.
    exclusive: async (t: string, work: () => Promise<unknown>, opts: { failClosed?: boolean }) => {
      locked.push(`${t}:${opts.failClosed ? 'fail-closed' : 'degradable'}`);
      return work();
    },
  }),
  connectionLost: (t: string) => lost(t),
}));

beforeEach(() => {
  jest.clearAllMocks();
  locked.length = 0;
});

describe('who may disconnect', () => {
  it('the tenant’s admin, and an operator for any partner (the kill switch); nobody else', async () => {
    const { canDisconnect } = await import('@/lib/connections/connection-access');
    expect(canDisconnect(adminA, A)).toBe(true);
    expect(canDisconnect(adminA, B)).toBe(false);
    expect(canDisconnect(staffA, A)).toBe(false);
    expect(canDisconnect(operator, A)).toBe(true);
    expect(canDisconnect(operator, B)).toBe(true);
  });

  it('an operator disconnects another partner: soft delete, tokens and the customer list dropped', async () => {
    const { disconnectConnection } = await import('@/lib/connections/disconnect-connection');
    await expect(disconnectConnection(operator, B)).resolves.toEqual({ purge: 'not_asked' });
    expect(store.disconnect).toHaveBeenCalledWith(B, { oid: 'o' });
    expect(store.purge).not.toHaveBeenCalled();
    expect(forget).toHaveBeenCalledWith(B);
    expect(lost).toHaveBeenCalledWith(B);
    // Under the tenant's lock, failing closed, and told to every instance before the vault write.
    expect(locked).toEqual([`${B}:fail-closed`]);
    expect(recorded).toHaveBeenCalledWith(B, 'disconnected');
    // The fleet's shared customer directory loses the partner's rows too.
    expect(directoryForget).toHaveBeenCalledWith(B);
    expect(recorded.mock.invocationCallOrder[0]).toBeLessThan(
      store.disconnect.mock.invocationCallOrder[0]!,
    );
  });

  it('refuses another partner’s admin and staff with not found, changing nothing', async () => {
    const { disconnectConnection } = await import('@/lib/connections/disconnect-connection');
    await expect(disconnectConnection(adminA, B)).rejects.toMatchObject({
      code: 'connection_not_found',
    });
    await expect(disconnectConnection(staffA, A)).rejects.toMatchObject({
      code: 'connection_not_found',
    });
    expect(store.disconnect).not.toHaveBeenCalled();
  });
});

describe('delete permanently', () => {
  it('purges when asked and the vault allows it', async () => {
    const { disconnectConnection } = await import('@/lib/connections/disconnect-connection');
    await expect(disconnectConnection(adminA, A, { purge: true })).resolves.toEqual({
      purge: 'purged',
    });
    expect(store.purge).toHaveBeenCalledWith(A);
  });

  it('reports a purge the vault refuses (purge protection, no permission); the disconnect stands', async () => {
    const { disconnectConnection } = await import('@/lib/connections/disconnect-connection');
    store.purge.mockRejectedValueOnce(new VaultError('vault_forbidden'));
    await expect(disconnectConnection(adminA, A, { purge: true })).resolves.toEqual({
      purge: 'refused',
    });
    expect(store.disconnect).toHaveBeenCalled();
  });
});
