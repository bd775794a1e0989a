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
  sid: 'test-session-0123456789',
  name: 'A',
  upn: 'a@a',
  roles: [],
  isPartnerAdmin: true,
  isOperator: false,
};
const TENANT = toTenantId('AAAAAAAA-1111-4222-8333-444444444444');

const T0 = Date.parse('2026-03-01T10:00:00Z');
const HOUR = 60 * 60 * 1000;

describe('CSRF action tokens', () => {
  it('verifies for the same user, session, tenant and action only', () => {
    const token = createActionToken(user, TENANT, 'disconnect', T0);
    const verify = (
      u: SessionUser,
      t = TENANT,
      a: 'check' | 'disconnect' = 'disconnect',
      v = token,
    ) => verifyActionToken(u, t, a, v, T0 + 1000);
    expect(verify(user)).toBe('valid');
    expect(verify(user, TENANT, 'check')).toBe('invalid');
    expect(verify({ ...user, oid: 'oid-b' })).toBe('invalid');
    const otherTenant = toTenantId('bbbbbbbb-1111-4222-8333-444444444444');
    expect(verify({ ...user, tid: otherTenant })).toBe('invalid');
    expect(verify(user, otherTenant)).toBe('invalid');
    expect(verify(user, TENANT, 'disconnect', `${token}x`)).toBe('invalid');
    expect(verifyActionToken(user, TENANT, 'disconnect', undefined, T0)).toBe('invalid');
  });

  it('is bound to the session: another session of the same user (or a new sign-in) cannot use it', () => {
    const token = createActionToken(user, TENANT, 'disconnect', T0);
    const otherSession = { ...user, sid: 'another-session-9876543210' };
    expect(verifyActionToken(otherSession, TENANT, 'disconnect', token, T0 + 1000)).toBe('invalid');
    expect(createActionToken(otherSession, TENANT, 'disconnect', T0)).not.toBe(token);
  });

  it('expires after one hour, and says so (the page asks to try again) rather than "invalid"', () => {
    const token = createActionToken(user, TENANT, 'check', T0);
    expect(verifyActionToken(user, TENANT, 'check', token, T0 + HOUR - 1)).toBe('valid');
    expect(verifyActionToken(user, TENANT, 'check', token, T0 + HOUR)).toBe('expired');
    expect(verifyActionToken(user, TENANT, 'check', token, T0 + 30 * HOUR)).toBe('expired');
  });

  it('cannot be extended: changing the expiry breaks the MAC', () => {
    const token = createActionToken(user, TENANT, 'check', T0);
    const [, sig] = token.split('.');
    const later = `${T0 + 10 * HOUR}.${sig}`;
    expect(verifyActionToken(user, TENANT, 'check', later, T0 + 2 * HOUR)).toBe('invalid');
  });

  it.each(['', 'x', '1.2', `${T0}.`, `.${'a'.repeat(43)}`, `${'9'.repeat(40)}.${'a'.repeat(43)}`])(
    'refuses the malformed token %p',
    (bad) => {
      expect(verifyActionToken(user, TENANT, 'check', bad, T0)).toBe('invalid');
    },
  );
});
