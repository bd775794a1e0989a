import { REDACTED, redact, redactString } from '@/lib/log/redact';

// A JWT-shaped string built at run time (no token-looking literal in the repo).
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = [
  b64({ typ: 'JWT', alg: 'RS256' }),
  b64({ aud: 'https://vault.azure.net' }),
  'c2lnbmF0dXJlLXBhcnQtaGVyZQ',
].join('.');
const refreshToken = '1.AXoAb' + 'Qk9x_-'.repeat(30);

describe('log redaction', () => {
  it('scrubs JWTs, bearer values, credential parameters and long opaque strings inside text', () => {
    const line = `call failed: Authorization: Bearer ${jwt} body=grant_type=refresh_token&refresh_token=${refreshToken}&client_secret=abc123`;
    const out = redactString(line);
    expect(out).not.toContain(jwt);
    expect(out).not.toContain(refreshToken);
    expect(out).not.toContain('abc123');
    expect(out).toContain('call failed');
    expect(out).toContain('grant_type=refresh_token');
  });

  it('drops credential-named fields whatever their value and keeps ordinary ones', () => {
    const out = redact({
      tenantId: '33333333-3333-3333-3333-333333333333',
      refreshToken: 'short',
      nested: { client_secret: 'x', status: 401 },
    }) as Record<string, unknown>;
    expect(out.tenantId).toBe('33333333-3333-3333-3333-333333333333');
    expect(out.refreshToken).toBe(REDACTED);
    expect(out.nested).toEqual({ client_secret: REDACTED, status: 401 });
  });

  it('keeps GUIDs and URLs without credentials readable', () => {
    const s =
      'GET https://localhost:8443/v1/customers/33333333-3333-3333-3333-333333333333 correlation 9f1c2b7e-0000-4000-8000-000000000001';
    expect(redactString(s)).toBe(s);
  });

  it('reduces errors to name, scrubbed message and code', () => {
    const e = Object.assign(new Error(`invalid_grant for ${refreshToken}`), {
      code: 'invalid_grant',
    });
    expect(redact(e)).toEqual({
      name: 'Error',
      message: `invalid_grant for ${REDACTED}`,
      code: 'invalid_grant',
    });
  });
});
