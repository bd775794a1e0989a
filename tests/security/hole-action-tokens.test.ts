import { signInStaff } from '../support/portal-http-session';
import { portalEnv } from './support/cli-table';
import { stateMarks } from './support/expect-safe';
import { ensureConnected, portalUrl, request, tenants, userOf } from './support/portal';

/**
 * Hole 4: the check and disconnect tokens are bound to the session they were issued in and
 * expire (an hour). A token from one session is refused in another; an expired one is refused
 * with its own code, and the form post lands on a fresh Connections page that says to try again.
 */

const A = () => tenants().partnerA.id;

async function tokensIn(cookie: string): Promise<Record<string, string>> {
  const res = await fetch(`${portalUrl()}/api/connections`, { headers: { cookie } });
  const { connections } = (await res.json()) as {
    connections: Array<{ tenantId: string; actions: Record<string, string> | null }>;
  };
  return connections.find((c) => c.tenantId === A())!.actions!;
}

function post(cookie: string, action: 'check' | 'disconnect', csrfToken: string, json = true) {
  return fetch(`${portalUrl()}/api/connections/${A()}/${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie,
      origin: portalUrl(),
      'content-type': 'application/x-www-form-urlencoded',
      ...(json ? { accept: 'application/json' } : {}),
    },
    body: new URLSearchParams({ csrfToken, confirm: 'no' }),
  });
}

/**
 * A genuine token of this session, issued two hours ago: made with the portal's own token code
 * and settings (its NEXTAUTH_SECRET, the session's claims), as the page would have embedded it.
 */
async function expiredToken(cookie: string, action: 'check' | 'disconnect'): Promise<string> {
  const env = portalEnv();
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const { resetConfigForTests } = await import('@/lib/config');
    resetConfigForTests();
    const { decode } = await import('next-auth/jwt');
    const raw = /(?:^|;\s*)next-auth\.session-token=([^;]+)/.exec(cookie)?.[1];
    const claims = await decode({ token: raw, secret: env.NEXTAUTH_SECRET! });
    expect(claims?.sid).toBeTruthy();
    const mod = (await import('@/lib/connections/action-token')) as unknown as {
      createActionToken: (u: unknown, t: unknown, a: string, now?: number) => string;
      ACTION_TOKEN_TTL_MS: number;
    };
    return mod.createActionToken(claims, A(), action, Date.now() - 2 * mod.ACTION_TOKEN_TTL_MS);
  } finally {
    process.env = saved;
  }
}

describe("action tokens (partner A's admin, two sessions)", () => {
  let one: string;
  let two: string;
  beforeAll(async () => {
    await ensureConnected('partnerA');
    one = await signInStaff(portalUrl(), userOf('adminA'));
    two = await signInStaff(portalUrl(), userOf('adminA'));
  });

  test('each session gets its own tokens', async () => {
    const [t1, t2] = await Promise.all([tokensIn(one), tokensIn(two)]);
    expect(t1.check).not.toBe(t2.check);
    expect(t1.disconnect).not.toBe(t2.disconnect);
  });

  test.each(['check', 'disconnect'] as const)(
    'a %s token from session 1 is refused in session 2, and changes nothing',
    async (action) => {
      const token = (await tokensIn(one))[action]!;
      const before = await stateMarks();
      const res = await post(two, action, token);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
      expect(await stateMarks()).toEqual(before);
    },
  );

  test('the same check token works in its own session (so the refusal above is the binding)', async () => {
    const res = await post(one, 'check', (await tokensIn(one)).check!);
    expect(res.status).toBe(200);
  });

  test.each(['check', 'disconnect'] as const)(
    'an expired %s token is refused as expired, and changes nothing',
    async (action) => {
      const token = await expiredToken(two, action);
      const before = await stateMarks();
      const res = await post(two, action, token);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('action_expired');
      expect(await stateMarks()).toEqual(before);
    },
  );

  test('an expired token from a page left open lands on a fresh Connections page that says to try again', async () => {
    const res = await post(two, 'check', await expiredToken(two, 'check'), false);
    expect(res.status).toBe(303);
    const back = new URL(res.headers.get('location')!, portalUrl());
    expect(back.origin).toBe(new URL(portalUrl()).origin);
    expect(back.pathname).toBe('/connections');
    const page = await request({
      path: `${back.pathname}${back.search}`,
      as: 'anonymous',
      headers: { cookie: two },
    });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/try again/i);
  });

  test('an expired token with its expiry moved forward is not genuine', async () => {
    const token = await expiredToken(two, 'check');
    const forged = token.replace(/^\d+/, String(Date.now() + 3_600_000));
    const res = await post(two, 'check', forged);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
  });
});
