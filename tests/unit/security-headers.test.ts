import { securityHeaders } from '@/lib/security/security-headers';

describe('security headers', () => {
  it('limits scripts to the request nonce and forbids framing', () => {
    const h = securityHeaders('abc123', { https: false, dev: false });
    const csp = h['Content-Security-Policy'];
    expect(csp).toMatch(/script-src 'self' 'nonce-abc123' 'strict-dynamic'(;|$)/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(h['Referrer-Policy']).toBe('no-referrer');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });

  it('sends HSTS and upgrades requests only over https', () => {
    expect(
      securityHeaders('n', { https: false, dev: false })['Strict-Transport-Security'],
    ).toBeUndefined();
    expect(
      securityHeaders('n', { https: false, dev: false })['Content-Security-Policy'],
    ).not.toContain('upgrade-insecure-requests');
    const h = securityHeaders('n', { https: true, dev: false });
    expect(h['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    expect(h['Content-Security-Policy']).toContain('upgrade-insecure-requests');
  });
});
