import { CONNECT_FAILURE_CODES, describeConnectFailure } from '@/lib/connect/connect-failures';
import { failureFromAuthorizeError } from '@/lib/connect/read-authorize-error';

describe('describeConnectFailure', () => {
  it.each(CONNECT_FAILURE_CODES)('describes %s with a cause and a fix', (code) => {
    const d = describeConnectFailure(code);
    expect(d.code).toBe(code);
    expect(d.cause.length).toBeGreaterThan(20);
    expect(d.fix.length).toBeGreaterThan(10);
  });

  it('covers every failure the issue lists', () => {
    for (const code of [
      'consent_declined',
      'mfa_missing',
      'tenant_not_partner',
      'tenant_not_allowed',
      'vault_unreachable',
      'vault_forbidden',
      'state_missing',
      'state_mismatch',
      'state_expired',
      'state_replayed',
      'code_reused',
    ]) {
      expect(CONNECT_FAILURE_CODES).toContain(code);
    }
  });

  it.each([65001, 50076, 50079, 50173, 70043, 700082, 7000215, 650051, 50011])(
    'uses the shared advice for AADSTS%i',
    (n) => {
      const d = describeConnectFailure(`AADSTS${n}`);
      expect(d.code).toBe(`AADSTS${n}`);
      expect(d.title).not.toMatch(/^Sign-in failed with/);
    },
  );

  it('never echoes an unknown or odd code from the URL', () => {
    expect(describeConnectFailure('<script>alert(1)</script>').code).toBe('unexpected_error');
    expect(describeConnectFailure('made_up_code').code).toBe('unexpected_error');
    expect(describeConnectFailure(null).code).toBe('unexpected_error');
  });
});

describe('failureFromAuthorizeError', () => {
  it('treats cancel and declined consent as consent_declined', () => {
    expect(
      failureFromAuthorizeError('access_denied', 'AADSTS65004: User declined to consent').code,
    ).toBe('consent_declined');
    expect(failureFromAuthorizeError('consent_required', 'AADSTS65004: declined').code).toBe(
      'consent_declined',
    );
    expect(failureFromAuthorizeError('access_denied', null).code).toBe('consent_declined');
  });

  it('uses the AADSTS code in the description otherwise', () => {
    expect(
      failureFromAuthorizeError(
        'invalid_request',
        'AADSTS650051: Vulnerability.Read does not exist',
      ).code,
    ).toBe('AADSTS650051');
    expect(failureFromAuthorizeError('server_error', 'oops').code).toBe('entra_unknown');
  });
});

test('codes named like Object.prototype members are unknown codes, not a crash', () => {
  for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
    expect(describeConnectFailure(code)).toMatchObject({ code: 'unexpected_error' });
});
