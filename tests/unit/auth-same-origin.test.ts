import { resetConfigForTests } from '@/lib/config';
import { isSameOrigin } from '@/lib/auth/is-same-origin';

const env = { ...process.env };
beforeAll(() => {
  Object.assign(process.env, {
    PORTAL_URL: 'https://portal.example.com',
    NEXTAUTH_SECRET: 'x'.repeat(32),
    ENTRA_CLIENT_ID: '11111111-1111-4111-8111-111111111111',
    ENTRA_CLIENT_SECRET: 's',
    ENTRA_HOME_TENANT_ID: '22222222-2222-4222-8222-222222222222',
    KEY_VAULT_URL: 'https://v.vault.azure.net',
    DATABASE_URL: 'postgres://portal@db.example:5432/portal',
  });
  resetConfigForTests();
});
afterAll(() => {
  process.env = env;
  resetConfigForTests();
});

const post = (headers: Record<string, string>) =>
  new Request('https://portal.example.com/signout', { method: 'POST', headers });

describe('isSameOrigin (CSRF check for form posts)', () => {
  it('trusts Fetch Metadata first: only same-origin passes', () => {
    expect(isSameOrigin(post({ 'sec-fetch-site': 'same-origin', origin: 'null' }))).toBe(true);
    expect(
      isSameOrigin(post({ 'sec-fetch-site': 'cross-site', origin: 'https://portal.example.com' })),
    ).toBe(false);
    expect(isSameOrigin(post({ 'sec-fetch-site': 'same-site' }))).toBe(false);
  });

  it('falls back to Origin, then Referer', () => {
    expect(isSameOrigin(post({ origin: 'https://portal.example.com' }))).toBe(true);
    expect(isSameOrigin(post({ origin: 'https://evil.example' }))).toBe(false);
    expect(
      isSameOrigin(post({ origin: 'null', referer: 'https://portal.example.com/dashboard' })),
    ).toBe(true);
    expect(isSameOrigin(post({ referer: 'https://portal.example.com.evil.example/x' }))).toBe(
      false,
    );
  });

  it('refuses a post that says nothing about where it came from', () => {
    expect(isSameOrigin(post({}))).toBe(false);
    expect(isSameOrigin(post({ origin: 'null' }))).toBe(false);
  });
});
