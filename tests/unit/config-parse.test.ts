import { ConfigError, parseConfig } from '@/lib/config/load-config';

const valid = {
  PORTAL_URL: 'http://localhost:3000/',
  NEXTAUTH_SECRET: 'x'.repeat(32),
  ENTRA_CLIENT_ID: '11111111-1111-1111-1111-111111111111',
  ENTRA_CLIENT_SECRET: 's3cret',
  ENTRA_HOME_TENANT_ID: '22222222-2222-2222-2222-222222222222',
  KEY_VAULT_URL: 'https://vault.example',
  DATABASE_URL: 'postgres://portal@db.example:5432/portal',
};

describe('parseConfig', () => {
  it('applies defaults and strips trailing slashes', () => {
    const c = parseConfig(valid);
    expect(c.PORTAL_URL).toBe('http://localhost:3000');
    expect(c.ENTRA_AUTHORITY_HOST).toBe('https://login.microsoftonline.com');
    expect(c.PARTNER_CENTER_RESOURCE).toBe('https://api.partnercenter.microsoft.com');
    expect(c.TOKEN_ROTATION_INTERVAL_HOURS).toBe(24);
    expect(c.KEY_VAULT_CREDENTIAL).toBe('default');
    expect(c.PARTNER_TENANT_ALLOWLIST).toEqual([]);
  });

  it('names each missing or invalid variable', () => {
    const { ENTRA_CLIENT_ID: _omit, ...rest } = valid;
    let err: unknown;
    try {
      parseConfig({ ...rest, KEY_VAULT_URL: 'not a url' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain('ENTRA_CLIENT_ID');
    expect(msg).toContain('KEY_VAULT_URL');
  });

  it('treats an empty value as missing', () => {
    expect(() => parseConfig({ ...valid, NEXTAUTH_SECRET: '' })).toThrow(/NEXTAUTH_SECRET/);
  });

  it('requires a client secret or a certificate', () => {
    const { ENTRA_CLIENT_SECRET: _s, ...rest } = valid;
    expect(() => parseConfig(rest)).toThrow(/ENTRA_CLIENT_SECRET/);
    expect(
      parseConfig({ ...rest, ENTRA_CLIENT_CERTIFICATE_PATH: '/etc/portal/app.pem' })
        .ENTRA_CLIENT_CERTIFICATE_PATH,
    ).toBe('/etc/portal/app.pem');
  });

  it('validates the allow-list entries as tenant ids', () => {
    expect(
      parseConfig({ ...valid, PARTNER_TENANT_ALLOWLIST: ' 33333333-3333-3333-3333-333333333333 ,' })
        .PARTNER_TENANT_ALLOWLIST,
    ).toEqual(['33333333-3333-3333-3333-333333333333']);
    expect(() => parseConfig({ ...valid, PARTNER_TENANT_ALLOWLIST: 'contoso.com' })).toThrow(
      /PARTNER_TENANT_ALLOWLIST/,
    );
  });

  it('names a malformed DATABASE_URL without repeating its password', () => {
    for (const bad of [
      'mysql://u:hunter2secret@db:3306/portal',
      'postgres://',
      'not a url hunter2secret',
    ]) {
      let err: unknown;
      try {
        parseConfig({ ...valid, DATABASE_URL: bad });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toContain('DATABASE_URL: must be a postgres:// URL');
      expect((err as Error).message).not.toContain('hunter2secret');
    }
    const { DATABASE_URL: _d, ...rest } = valid;
    expect(() => parseConfig(rest)).toThrow(/DATABASE_URL: is not set/);
    expect(
      parseConfig({ ...valid, DATABASE_URL: 'postgresql://u:p@h:5432/d?sslmode=verify-full' })
        .DATABASE_URL,
    ).toContain('sslmode=verify-full');
  });
});
