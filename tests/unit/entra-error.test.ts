import { ServerError, InteractionRequiredAuthError, AuthError } from '@azure/msal-node';
import { AppError } from '@/lib/errors/app-error';
import { EntraError } from '@/lib/entra/entra-error';
import { parseAadsts, toEntraError } from '@/lib/entra/to-entra-error';

describe('EntraError', () => {
  it.each([700082, 50173, 70043, 65001, 70008])('marks AADSTS%i as a dead grant', (aadsts) => {
    const e = new EntraError({ aadsts, error: 'invalid_grant' });
    expect(e).toBeInstanceOf(AppError);
    expect(e.grantIsDead).toBe(true);
    expect(e.status).toBe(401);
    expect(e.code).toBe(`AADSTS${aadsts}`);
    expect(e.message).toBe(e.advice.title);
  });

  it.each([50076, 7000215, 54005, undefined])('does not mark %p as a dead grant', (aadsts) => {
    const e = new EntraError({ aadsts, error: 'invalid_grant' });
    expect(e.grantIsDead).toBe(false);
    expect(e.status).toBe(502);
  });
});

describe('toEntraError', () => {
  it('reads errorNo from an MSAL ServerError', () => {
    const e = toEntraError(
      new ServerError(
        'invalid_grant',
        'corr',
        'AADSTS700082: The refresh token has expired due to inactivity.',
        '',
        '700082',
        400,
      ),
    );
    expect(e.aadsts).toBe(700082);
    expect(e.error).toBe('invalid_grant');
    expect(e.grantIsDead).toBe(true);
  });

  it("reads errorNo when msal-common passes Entra's numeric error_codes[0] through", () => {
    const e = toEntraError(
      new ServerError(
        'invalid_client',
        'corr',
        'AADSTS7000215: Invalid client secret provided.',
        '',
        7000215 as unknown as string,
        401,
      ),
    );
    expect(e.code).toBe('AADSTS7000215');
  });

  it('reads the code from the description when errorNo is missing, and keeps the suberror', () => {
    const e = toEntraError(
      new InteractionRequiredAuthError(
        'invalid_grant',
        'corr',
        'AADSTS50076: Due to a configuration change...',
        'basic_action',
      ),
    );
    expect(e.aadsts).toBe(50076);
    expect(e.subError).toBe('basic_action');
    expect(e.advice.code).toBe('AADSTS50076');
  });

  it('gives the unreachable advice for a network failure', () => {
    const e = toEntraError(new AuthError('network_error', 'corr', 'Network request failed'));
    expect(e.code).toBe('entra_unreachable');
    expect(e.aadsts).toBeUndefined();
  });

  it('wraps anything else without losing the cause', () => {
    const cause = new TypeError('boom');
    const e = toEntraError(cause);
    expect(e.code).toBe('entra_unknown');
    expect(e.cause).toBe(cause);
  });
});

describe('parseAadsts', () => {
  it.each([
    ['700082', 700082],
    ['AADSTS50173: The provided grant has expired', 50173],
    ['no code here', undefined],
    [undefined, undefined],
  ])('%p → %p', (text, expected) => expect(parseAadsts(text)).toBe(expected));
});
