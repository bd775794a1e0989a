import {
  aadstsOfCode,
  ADVISED_AADSTS_CODES,
  adviceFor,
  adviceForCode,
  connectionEffectOf,
  grantEffectOf,
  healthEffectOfCode,
  isDeadGrantCode,
  unreachableAdvice,
} from '@/lib/entra/aadsts-advice';

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

describe('grant classification (one table for the broker, health and check now)', () => {
  it.each([
    [700082, 'expired'],
    [70043, 'expired'],
    [70008, 'expired'],
    [50173, 'revoked'],
    [65001, 'revoked'],
    [50076, 'mfa_required'],
    [50079, 'mfa_required'],
    [50074, 'mfa_required'],
    [7000215, 'none'],
    [undefined, 'none'],
  ] as const)('AADSTS%s is %s', (aadsts, effect) => {
    expect(grantEffectOf(aadsts)).toBe(effect);
    expect(isDeadGrantCode(aadsts)).toBe(effect === 'expired' || effect === 'revoked');
  });

  it('classifies AADSTS70008 as expired everywhere: stored code, connection effect and advice', () => {
    expect(healthEffectOfCode('AADSTS70008')).toBe('expired');
    expect(connectionEffectOf(70008, 'partner-center')).toBe('expired');
    expect(adviceForCode('AADSTS70008').title).toMatch(/expired/i);
    expect(adviceForCode('AADSTS70008').cause).not.toMatch(/revoked/i);
  });

  it('a dead grant for another resource (Graph consent missing) leaves the connection alone', () => {
    expect(connectionEffectOf(65001, 'partner-center')).toBe('revoked');
    expect(connectionEffectOf(65001, 'other')).toBeUndefined();
    expect(connectionEffectOf(700082, 'other')).toBeUndefined();
  });

  it('advises on the portal’s own codes and any unknown code', () => {
    expect(adviceForCode('mfa_missing').needsReconnect).toBe(true);
    expect(healthEffectOfCode('mfa_missing')).toBe('mfa_missing');
    expect(adviceForCode('entra_unreachable').code).toBe('entra_unreachable');
    expect(adviceForCode('vault_unreachable').title).toContain('vault_unreachable');
    expect(aadstsOfCode('AADSTS50173')).toBe(50173);
    expect(aadstsOfCode('AADSTS50173x')).toBeUndefined();
  });
});
