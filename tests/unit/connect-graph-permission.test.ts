import { toTenantId } from '@/lib/ids/tenant-id';
import { computeHealth } from '@/lib/connections/compute-health';
import type { ConnectionTags } from '@/lib/vault';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const iso = (t: number) => new Date(t).toISOString();

const tags = (over: Partial<ConnectionTags>): ConnectionTags => ({
  connectedByOid: 'oid-a',
  connectedByUpn: 'admin@a.example',
  connectedAt: iso(T0),
  amr: 'pwd mfa',
  scopes: 'user_impersonation',
  rotatedAt: iso(T0),
  lastRedeemedAt: iso(T0),
  status: 'ok',
  ...over,
});

const health = (over: Partial<ConnectionTags>) =>
  computeHealth(
    {
      tenantId: toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'),
      tags: tags(over),
      updatedOn: new Date(T0),
    },
    T0,
  );

describe('a connection without the Graph GDAP permission', () => {
  it('stays healthy but asks for a reconnect to grant the new permission, with the 65001 advice', () => {
    const h = health({ scopes: 'user_impersonation' });
    expect(h.status).toBe('healthy');
    expect(h.advice).toBeNull();
    expect(h.permissionNeeded).toMatchObject({
      permission: 'DelegatedAdminRelationship.Read.All',
      advice: { code: 'AADSTS65001', title: 'Reconnect to grant the new permission' },
    });
  });

  it('asks for nothing once the grant carries DelegatedAdminRelationship.Read.All', () => {
    expect(
      health({ scopes: 'user_impersonation DelegatedAdminRelationship.Read.All' }).permissionNeeded,
    ).toBeNull();
    expect(
      health({ scopes: 'user_impersonation delegatedadminrelationship.read.all' }).permissionNeeded,
    ).toBeNull();
  });

  it('lets a broken connection show its own advice first', () => {
    const h = health({ status: 'revoked', lastErrorCode: 'AADSTS50173' });
    expect(h.status).toBe('revoked');
    expect(h.permissionNeeded).toBeNull();
  });
});
