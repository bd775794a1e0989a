import { checkEnv } from '@/lib/doctor/check-env';
import { formatResult, summarize } from '@/lib/doctor/format-result';
import { fail, ok, warn } from '@/lib/doctor/check-result';

const valid = {
  PORTAL_URL: 'https://portal.contoso.com',
  NEXTAUTH_URL: 'https://portal.contoso.com',
  NEXTAUTH_SECRET: 'x'.repeat(32),
  ENTRA_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  ENTRA_CLIENT_SECRET: 'secret-value',
  ENTRA_HOME_TENANT_ID: '66666666-7777-4888-9999-000000000000',
  KEY_VAULT_URL: 'https://contoso-portal-kv.vault.azure.net',
  DATABASE_URL: 'postgres://portal@db.example:5432/portal',
};

describe('the doctor env check', () => {
  it('accepts a complete configuration with one ok line', () => {
    const { results, config } = checkEnv(valid);
    expect(config?.PORTAL_URL).toBe('https://portal.contoso.com');
    expect(results.map((r) => [r.name, r.status])).toEqual([['env', 'ok']]);
  });

  it('names every missing or malformed variable in one fail line, with the fix', () => {
    const { results, config } = checkEnv({
      ...valid,
      KEY_VAULT_URL: 'not a url',
      ENTRA_CLIENT_ID: undefined,
    });
    expect(config).toBeUndefined();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ name: 'env', status: 'fail' });
    expect(results[0]!.detail).toContain('KEY_VAULT_URL');
    expect(results[0]!.detail).toContain('ENTRA_CLIENT_ID');
    expect(results[0]!.fix).toContain('.env.example');
  });

  it('warns when NEXTAUTH_URL and PORTAL_URL differ', () => {
    const { results } = checkEnv({ ...valid, NEXTAUTH_URL: 'https://old.contoso.com' });
    expect(results.find((r) => r.name === 'env:nextauth-url')?.status).toBe('warn');
  });

  it('fails a plain-http PORTAL_URL that is not localhost (Entra refuses such redirect URIs)', () => {
    expect(
      checkEnv({
        ...valid,
        PORTAL_URL: 'http://portal.contoso.com',
        NEXTAUTH_URL: undefined,
      }).results.find((r) => r.name === 'env:portal-url')?.status,
    ).toBe('fail');
    expect(
      checkEnv({
        ...valid,
        PORTAL_URL: 'http://localhost:3000',
        NEXTAUTH_URL: undefined,
      }).results.map((r) => r.status),
    ).toEqual(['ok']);
  });

  it('never echoes the secret', () => {
    const { results } = checkEnv({
      ...valid,
      ENTRA_CLIENT_CERTIFICATE_PATH: '/etc/portal/app.pem',
    });
    expect(JSON.stringify(results)).not.toContain('secret-value');
    expect(results.find((r) => r.name === 'env:credential')?.status).toBe('warn');
  });
});

describe('the doctor report', () => {
  it('prints one line per check, with the fix unless ok', () => {
    expect(formatResult(ok('discovery', 'fine'))).toBe(`ok    ${'discovery'.padEnd(22)}  fine`);
    expect(formatResult(fail('key-vault', 'set failed', 'grant the role'))).toMatch(
      /^fail  key-vault\s+set failed \| fix: grant the role$/,
    );
    expect(formatResult({ ...ok('env', 'fine'), fix: 'ignored' })).not.toContain('fix:');
  });

  it('exits non-zero only when something failed', () => {
    expect(summarize([ok('a', ''), warn('b', '')])).toEqual({
      line: '1 ok, 1 warn, 0 fail',
      exitCode: 0,
    });
    expect(summarize([ok('a', ''), fail('c', '', 'x')]).exitCode).toBe(1);
  });
});
