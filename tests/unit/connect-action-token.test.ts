import { toTenantId } from '@/lib/ids/tenant-id';
import type { SessionUser } from '@/lib/auth';
import { resetConfigForTests } from '@/lib/config';
import { createActionToken, verifyActionToken } from '@/lib/connections/action-token';

beforeAll(() => {
  Object.assign(process.env, {
    PORTAL_URL: 'http://localhost:3100',
    NEXTAUTH_SECRET: 'unit-test-secret-unit-test-secret-0123',
    ENTRA_CLIENT_ID: '11111111-1111-1111-1111-111111111111',
    ENTRA_CLIENT_SECRET: 'not-a-real-secret',
    ENTRA_HOME_TENANT_ID: '22222222-2222-2222-2222-222222222222',
    KEY_VAULT_URL: 'https://vault.example',
    DATABASE_URL: 'postgres://portal@db.example:5432/portal',
  });
  resetConfigForTests();
});

const user: SessionUser = {
  tid: toTenantId('cccccccc-1111-4222-8333-444444444444'),
  oid: 'oid-a',
  name: 'A',
  upn: 'a@a',
  roles: [],
  isPartnerAdmin: true,
  isOperator: false,
};
const TENANT = toTenantId('AAAAAAAA-1111-4222-8333-444444444444');

describe('CSRF action tokens', () => {
  it('verifies for the same user, tenant and action only', () => {
    const token = createActionToken(user, TENANT, 'disconnect');
    expect(verifyActionToken(user, TENANT, 'disconnect', token)).toBe(true);
    expect(verifyActionToken(user, TENANT, 'check', token)).toBe(false);
    expect(verifyActionToken({ ...user, oid: 'oid-b' }, TENANT, 'disconnect', token)).toBe(false);
    const otherTenant = toTenantId('bbbbbbbb-1111-4222-8333-444444444444');
    expect(verifyActionToken({ ...user, tid: otherTenant }, TENANT, 'disconnect', token)).toBe(
      false,
    );
    expect(verifyActionToken(user, otherTenant, 'disconnect', token)).toBe(false);
    expect(verifyActionToken(user, TENANT, 'disconnect', undefined)).toBe(false);
    expect(verifyActionToken(user, TENANT, 'disconnect', `${token}x`)).toBe(false);
  });
});
