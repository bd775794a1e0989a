import { toTenantId } from '@/lib/ids/tenant-id';
import { resetConfigForTests } from '@/lib/config';
import { hashState, STATE_PURPOSE } from '@/lib/connect/start-connect';
import { seal, resetSealKeysForTests } from '@/lib/connect/seal';
import { createMemoryConsumedStates } from '@/lib/connect/consumed-states';
import { validateConnectState } from '@/lib/connect/validate-connect-state';
import { readConnectResult, sealConnectResult } from '@/lib/connect/connect-result';

const ENV = {
  PORTAL_URL: 'http://localhost:3100',
  NEXTAUTH_SECRET: 'unit-test-secret-unit-test-secret-0123',
  ENTRA_CLIENT_ID: '11111111-1111-1111-1111-111111111111',
  ENTRA_CLIENT_SECRET: 'not-a-real-secret',
  ENTRA_HOME_TENANT_ID: '22222222-2222-2222-2222-222222222222',
  KEY_VAULT_URL: 'https://vault.example',
  DATABASE_URL: 'postgres://portal@db.example:5432/portal',
};

beforeAll(() => {
  Object.assign(process.env, ENV);
  resetConfigForTests();
  resetSealKeysForTests();
});

const T0 = Date.parse('2026-03-01T10:00:00Z');
const MIN = 60_000;

async function flowCookie(state: string, createdAt = T0, extra: Record<string, unknown> = {}) {
  return seal(
    STATE_PURPOSE,
    { sh: hashState(state), v: 'verifier', n: 'nonce', t: createdAt, ...extra },
    3600,
    createdAt,
  );
}

/** Alters the JWE's ciphertext (4th part) so the authentication tag no longer matches. */
function tamper(jwe: string): string {
  const parts = jwe.split('.');
  const c = parts[3]!;
  parts[3] = (c[0] === 'A' ? 'B' : 'A') + c.slice(1);
  return parts.join('.');
}

async function failureCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no failure';
}

describe('validateConnectState', () => {
  it('returns the PKCE verifier and nonce for a matching, fresh state, once', async () => {
    const consumed = createMemoryConsumedStates();
    const cookie = await flowCookie('s1');
    await expect(
      validateConnectState({ state: 's1', cookie, consumed, now: T0 + MIN }),
    ).resolves.toEqual({ codeVerifier: 'verifier', nonce: 'nonce' });
    expect(
      await failureCode(validateConnectState({ state: 's1', cookie, consumed, now: T0 + 2 * MIN })),
    ).toBe('state_replayed');
  });

  it('reports a replay even after the cookie is gone', async () => {
    const consumed = createMemoryConsumedStates();
    await validateConnectState({ state: 's2', cookie: await flowCookie('s2'), consumed, now: T0 });
    expect(
      await failureCode(
        validateConnectState({ state: 's2', cookie: undefined, consumed, now: T0 + MIN }),
      ),
    ).toBe('state_replayed');
  });

  it('says missing when there is no state parameter or no cookie', async () => {
    const consumed = createMemoryConsumedStates();
    expect(
      await failureCode(
        validateConnectState({ state: null, cookie: await flowCookie('s3'), consumed, now: T0 }),
      ),
    ).toBe('state_missing');
    expect(
      await failureCode(
        validateConnectState({ state: 's3', cookie: undefined, consumed, now: T0 }),
      ),
    ).toBe('state_missing');
  });

  it('says missing for a tampered or foreign cookie (it cannot be decrypted)', async () => {
    const consumed = createMemoryConsumedStates();
    const cookie = await flowCookie('s4');
    const tampered = tamper(cookie);
    expect(
      await failureCode(validateConnectState({ state: 's4', cookie: tampered, consumed, now: T0 })),
    ).toBe('state_missing');
    const resultCookie = (
      await sealConnectResult({
        tenantId: toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'),
        orgName: 'o',
        connectedByOid: '',
        connectedByUpn: '',
        connectedAt: '',
      })
    ).value;
    expect(
      await failureCode(
        validateConnectState({ state: 's4', cookie: resultCookie, consumed, now: Date.now() }),
      ),
    ).toBe('state_missing');
  });

  it('says mismatch when the state belongs to another flow, and does not consume it', async () => {
    const consumed = createMemoryConsumedStates();
    const cookie = await flowCookie('mine');
    expect(
      await failureCode(validateConnectState({ state: 'theirs', cookie, consumed, now: T0 })),
    ).toBe('state_mismatch');
    await expect(
      validateConnectState({ state: 'mine', cookie, consumed, now: T0 }),
    ).resolves.toBeDefined();
  });

  it('says expired after 10 minutes, and the expired state cannot be retried', async () => {
    const consumed = createMemoryConsumedStates();
    const cookie = await flowCookie('s5');
    expect(
      await failureCode(
        validateConnectState({ state: 's5', cookie, consumed, now: T0 + 10 * MIN + 1000 }),
      ),
    ).toBe('state_expired');
    expect(
      await failureCode(
        validateConnectState({ state: 's5', cookie, consumed, now: T0 + 11 * MIN }),
      ),
    ).toBe('state_replayed');
  });

  it('accepts a state at 9 minutes 59 seconds', async () => {
    const consumed = createMemoryConsumedStates();
    await expect(
      validateConnectState({
        state: 's6',
        cookie: await flowCookie('s6'),
        consumed,
        now: T0 + 10 * MIN - 1000,
      }),
    ).resolves.toBeDefined();
  });
});

describe('consumed states', () => {
  it('forgets entries after their time to live', async () => {
    const consumed = createMemoryConsumedStates();
    expect(await consumed.consume('h', 1000, 0)).toBe(true);
    expect(await consumed.consume('h', 1000, 500)).toBe(false);
    expect(await consumed.wasConsumed('h', 1500)).toBe(false);
    expect(await consumed.consume('h', 1000, 1500)).toBe(true);
  });

  it('fails closed with state_store_unavailable when the store cannot answer', async () => {
    const down = {
      consume: () => Promise.reject(new Error('connect ECONNREFUSED')),
      wasConsumed: () => Promise.reject(new Error('connect ECONNREFUSED')),
    };
    await expect(
      validateConnectState({
        state: 's9',
        cookie: await flowCookie('s9'),
        consumed: down,
        now: T0,
      }),
    ).rejects.toMatchObject({ code: 'state_store_unavailable' });
  });
});

describe('connect result cookie', () => {
  it('round-trips and rejects anything altered', async () => {
    const result = {
      tenantId: toTenantId('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'),
      orgName: 'Contoso',
      connectedByOid: 'oid',
      connectedByUpn: 'admin@contoso',
      connectedAt: '2026-03-01T10:00:00.000Z',
    };
    const cookie = await sealConnectResult(result);
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      path: '/connect',
      secure: false,
    });
    await expect(readConnectResult(cookie.value)).resolves.toEqual({
      ...result,
      connectedByName: undefined,
    });
    await expect(readConnectResult(tamper(cookie.value))).resolves.toBeNull();
    await expect(readConnectResult(undefined)).resolves.toBeNull();
  });
});
