import { TOTP } from 'otpauth';
import { entraErrorBody, entraTimestamp } from '@/emulator/entra/http/entra-error';
import { aadsts } from '@/emulator/entra/http/aadsts';
import { parseBasic } from '@/emulator/entra/token/client-auth';
import { pkceMatches } from '@/emulator/entra/token/pkce';
import { verifyTotp } from '@/emulator/entra/mfa/verify-totp';
import { instanceDiscovery } from '@/emulator/entra/discovery/instance-discovery';
import { EntraError } from '@/emulator/entra/http/entra-error';

describe('Entra wire details', () => {
  test('error body: Entra’s fields, CRLF-separated description, timestamp format', () => {
    const body = entraErrorBody(aadsts.consentRequired('app-id', 'Partner Portal'), {
      now: Date.UTC(2026, 0, 9, 2, 2, 12),
      authorityHost: 'https://localhost:1',
      correlationId: 'c-1',
    });
    expect(Object.keys(body).sort()).toEqual([
      'correlation_id',
      'error',
      'error_codes',
      'error_description',
      'error_uri',
      'suberror',
      'timestamp',
      'trace_id',
    ]);
    expect(body).toMatchObject({
      error: 'invalid_grant',
      error_codes: [65001],
      suberror: 'consent_required',
      timestamp: '2026-01-09 02:02:12Z',
      correlation_id: 'c-1',
    });
    expect(body.error_description).toMatch(
      /^AADSTS65001: The user or administrator has not consented .*\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: c-1\r\nTimestamp: 2026-01-09 02:02:12Z$/s,
    );
    expect(
      entraErrorBody(aadsts.codeRedeemed(), { now: 0, authorityHost: 'x' }),
    ).not.toHaveProperty('suberror');
    expect(entraTimestamp(Date.UTC(2026, 10, 5, 7, 8, 9, 999))).toBe('2026-11-05 07:08:09Z');
  });

  test('HTTP Basic: base64, then URL-decode each half (openid-client encodes them)', () => {
    const enc = Buffer.from('my%20app:se%7Ecret+x%3Ay').toString('base64');
    expect(parseBasic(`Basic ${enc}`)).toEqual({ clientId: 'my app', secret: 'se~cret x:y' });
    expect(parseBasic(undefined)).toBeUndefined();
    expect(() => parseBasic('Bearer abc')).toThrow(EntraError);
    expect(() => parseBasic(`Basic ${Buffer.from('no-colon').toString('base64')}`)).toThrow(
      EntraError,
    );
  });

  test('PKCE: S256 against RFC 7636’s example, plain as is', () => {
    expect(
      pkceMatches(
        'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        'S256',
        'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      ),
    ).toBe(true);
    expect(
      pkceMatches(
        'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        'S256',
        'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXj',
      ),
    ).toBe(false);
    expect(pkceMatches('abc', 'plain', 'abc')).toBe(true);
  });

  test('TOTP: current and neighbouring 30-s steps pass, older ones and junk fail', () => {
    const secret = '3ORMTRWTDOER7ZS2IBWZFNF7EII7TTJA';
    const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
    const now = 1_800_000_000_000;
    expect(verifyTotp(secret, totp.generate({ timestamp: now }), now)).toBe(true);
    expect(verifyTotp(secret, totp.generate({ timestamp: now - 30_000 }), now)).toBe(true);
    expect(verifyTotp(secret, totp.generate({ timestamp: now - 90_000 }), now)).toBe(false);
    expect(verifyTotp(secret, 'abcdef', now)).toBe(false);
  });

  test('instance discovery names the tenant of the authorization endpoint and the host as alias', () => {
    const d = instanceDiscovery(
      'https://localhost:8440',
      'https://localhost:8440/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
    );
    expect(d).toEqual({
      tenant_discovery_endpoint:
        'https://localhost:8440/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration',
      'api-version': '1.1',
      metadata: [
        {
          preferred_network: 'localhost:8440',
          preferred_cache: 'localhost:8440',
          aliases: ['localhost:8440'],
        },
      ],
    });
  });
});
