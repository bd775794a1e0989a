import pino from 'pino';
import type { SessionUser } from '@/lib/auth';
import { checkConnectionNow } from '@/lib/connections';
import { handleConnectCallback } from '@/lib/connect/handle-connect-callback';
import { startConnect } from '@/lib/connect/start-connect';
import { log } from '@/lib/log';
import { getRefreshTokenStore } from '@/lib/vault';
import { control } from '../support/control';
import { seededTenants, seededUser } from '../support/manifest';
import { driveSignIn } from './entra-sign-in-driver';

/**
 * The leak check for log lines: capture everything the portal's logger writes during a connect,
 * a failed connect, a check-now (rotation) and a revoked check, then look for every refresh token
 * the vault ever held for the tenant and for anything token-shaped.
 */
const { partnerA } = seededTenants();
const adminA = seededUser(partnerA, 'admin');
const JWS = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+/;
const EMULATOR_RT = /1\.AR[\w-]{40,}/;

const lines: string[] = [];
const stream = (log as unknown as Record<symbol, { write: (s: string) => unknown }>)[
  pino.symbols.streamSym
]!;
const originalWrite = stream.write.bind(stream);

beforeAll(() => {
  stream.write = (s: string) => {
    lines.push(s);
    return originalWrite(s);
  };
});
afterAll(() => {
  stream.write = originalWrite;
});

async function connect(user = adminA) {
  const { authorizeUrl, cookie } = await startConnect();
  const signIn = await driveSignIn(authorizeUrl, user);
  return handleConnectCallback({ query: signIn.redirect!.searchParams, stateCookie: cookie.value });
}

test('no refresh token, access token or code appears in any log line', async () => {
  await control.reset();
  const seen: string[] = [];
  const codes: string[] = [];

  const { authorizeUrl, cookie } = await startConnect();
  const signIn = await driveSignIn(authorizeUrl, adminA);
  codes.push(signIn.redirect!.searchParams.get('code')!);
  await handleConnectCallback({ query: signIn.redirect!.searchParams, stateCookie: cookie.value });
  seen.push((await getRefreshTokenStore().get(partnerA.id))!.refreshToken);
  // A replay logs a failure that carries the same code.
  await handleConnectCallback({
    query: signIn.redirect!.searchParams,
    stateCookie: cookie.value,
  }).catch(() => undefined);

  const admin: SessionUser = {
    tid: partnerA.id,
    oid: adminA.oid,
    sid: 'test-session-0123456789',
    name: 'a',
    upn: adminA.upn,
    roles: [],
    isPartnerAdmin: true,
    isOperator: false,
  };
  await checkConnectionNow(admin, partnerA.id);
  seen.push((await getRefreshTokenStore().get(partnerA.id))!.refreshToken);
  await control.revokeUser(adminA.upn);
  await checkConnectionNow(admin, partnerA.id);
  await connect(seededUser(partnerA, 'nomfa')).catch(() => undefined);

  expect(lines.length).toBeGreaterThan(5);
  const all = lines.join('\n');
  expect(new Set(seen).size).toBe(2);
  for (const secret of [...seen, ...codes]) expect(all).not.toContain(secret);
  expect(all).not.toMatch(JWS);
  expect(all).not.toMatch(EMULATOR_RT);
  expect(all).not.toContain(process.env.ENTRA_CLIENT_SECRET!);
});
