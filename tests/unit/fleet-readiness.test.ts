import { toTenantId } from '@/lib/ids/tenant-id';
import { checkReadiness } from '@/lib/health/check-readiness';
import { TenantServingGuard } from '@/lib/fleet/tenant-serving-guard';
import { databaseDownSince } from '@/lib/fleet/database-health';

describe('readiness', () => {
  it('is ready when the database answers', async () => {
    await expect(checkReadiness(async () => undefined)).resolves.toMatchObject({ ready: true });
  });

  it('is not ready, with a stable reason and no error text, when it does not', async () => {
    const result = await checkReadiness(async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
    });
    expect(result).toEqual({
      ready: false,
      reason: 'database_unreachable',
      ms: expect.any(Number),
    });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});

describe('the per-request tenant check while the database is unreachable', () => {
  const A = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
  const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
    code: 'ECONNREFUSED',
  });

  it('keeps the last state it saw (a disconnected tenant stays refused) and notes the outage', async () => {
    let reachable = true;
    let status: 'connected' | 'disconnected' = 'disconnected';
    const guard = new TenantServingGuard({
      read: async () => {
        if (!reachable) throw down;
        return { status, generation: 2 };
      },
      onNewGeneration: () => undefined,
    });
    await expect(guard.assertServing(A)).rejects.toMatchObject({ code: 'connection_missing' });
    reachable = false;
    await expect(guard.assertServing(A)).rejects.toMatchObject({ code: 'connection_missing' });
    expect(databaseDownSince()).toBeDefined();
    reachable = true;
    status = 'connected';
    await expect(guard.assertServing(A)).resolves.toBeUndefined();
    expect(databaseDownSince()).toBeUndefined();
  });

  it('serves a tenant it has never seen (Key Vault still decides), and rethrows real query bugs', async () => {
    const guard = new TenantServingGuard({
      read: async () => {
        throw down;
      },
      onNewGeneration: () => undefined,
    });
    await expect(guard.assertServing(A)).resolves.toBeUndefined();
    const buggy = new TenantServingGuard({
      read: async () => {
        throw Object.assign(new Error('column "x" does not exist'), { code: '42703' });
      },
      onNewGeneration: () => undefined,
    });
    await expect(buggy.assertServing(A)).rejects.toMatchObject({ code: '42703' });
  });
});

describe('a grant that died on another instance', () => {
  const A = toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');

  it("is refused with that grant's advice, as on the instance that met it", async () => {
    const guard = new TenantServingGuard({
      read: async () => ({ status: 'needs_reconnect', generation: 3, reasonCode: 'AADSTS50173' }),
      onNewGeneration: () => undefined,
    });
    await expect(guard.assertServing(A)).rejects.toMatchObject({
      code: 'connection_needs_reconnect',
      advice: { code: 'AADSTS50173' },
    });
  });
});
