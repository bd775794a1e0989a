import { ADVISED_AADSTS_CODES, adviceFor, unreachableAdvice } from '@/lib/entra/aadsts-advice';

describe('adviceFor', () => {
  it.each([65001, 65004, 50076, 50079, 50173, 70043, 700082, 7000215, 650051, 50011, 54005])(
    'has specific advice for AADSTS%i named by its code',
    (code) => {
      const advice = adviceFor(code);
      expect(advice.code).toBe(`AADSTS${code}`);
      expect(advice.title).not.toMatch(/^Sign-in failed with/);
      expect(advice.cause.length).toBeGreaterThan(20);
      expect(advice.fix.length).toBeGreaterThan(20);
    },
  );

  it('says which failures need a reconnect and which are the operator’s configuration', () => {
    expect(adviceFor(700082).needsReconnect).toBe(true);
    expect(adviceFor(50173).needsReconnect).toBe(true);
    expect(adviceFor(7000215).needsReconnect).toBe(false);
    expect(adviceFor(50011).needsReconnect).toBe(false);
  });

  it('mentions keep-alive for the 90-day inactivity expiry', () => {
    expect(adviceFor(700082).fix).toMatch(/keepalive/);
  });

  it('names an unknown code and links to Microsoft’s lookup', () => {
    const advice = adviceFor(123456);
    expect(advice.code).toBe('AADSTS123456');
    expect(advice.fix).toContain('code=123456');
    expect(advice.needsReconnect).toBe(false);
  });

  it('has a generic entry without a code, and a separate one for an unreachable Entra', () => {
    expect(adviceFor(undefined).code).toBe('entra_unknown');
    expect(unreachableAdvice().code).toBe('entra_unreachable');
  });

  it('lists every advised code', () => {
    expect(ADVISED_AADSTS_CODES).toEqual(expect.arrayContaining([65001, 50076, 700082]));
    expect(new Set(ADVISED_AADSTS_CODES).size).toBe(ADVISED_AADSTS_CODES.length);
  });
});
