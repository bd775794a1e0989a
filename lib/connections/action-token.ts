import 'server-only';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { SessionUser } from '@/lib/auth';
import { getConfig } from '@/lib/config';
import type { TenantId } from '@/lib/ids/tenant-id';

/** Each action has its own token, so a token for one cannot authorize another. */
export type ConnectionAction =
  'check' | 'disconnect' | 'webhook-save' | 'webhook-remove' | 'webhook-test';

/** How long a page's action token works: an hour, then the page asks to be reloaded. */
export const ACTION_TOKEN_TTL_MS = 60 * 60 * 1000;

let key: Buffer | undefined;

function actionKey(): Buffer {
  key ??= Buffer.from(
    hkdfSync('sha256', getConfig().NEXTAUTH_SECRET, 'partner-portal', 'connections:csrf', 32),
  );
  return key;
}

function mac(user: SessionUser, tenantId: TenantId, action: ConnectionAction, exp: number) {
  return createHmac('sha256', actionKey())
    .update(`v2|${user.tid}|${user.oid}|${user.sid}|${tenantId}|${action}|${exp}`)
    .digest('base64url');
}

/**
 * A CSRF token for one action on one connection, by one signed-in user in one session, for one
 * hour: `<expiry ms>.<HMAC of who, which session, what, which tenant and the expiry>`. The page
 * embeds it in the form; a forged cross-site form cannot know it, a token for check cannot
 * authorize a disconnect, a token from another session (or after signing in again) does not
 * work, and a page left open stops working after an hour. Stateless, so any instance verifies it.
 */
export function createActionToken(
  user: SessionUser,
  tenantId: TenantId,
  action: ConnectionAction,
  now = Date.now(),
): string {
  const exp = now + ACTION_TOKEN_TTL_MS;
  return `${exp}.${mac(user, tenantId, action, exp)}`;
}

/**
 * `valid`; `expired` when the token is genuine but over an hour old (the page was left open: a
 * reload fixes it); `invalid` for anything else.
 */
export function verifyActionToken(
  user: SessionUser,
  tenantId: TenantId,
  action: ConnectionAction,
  token: string | null | undefined,
  now = Date.now(),
): 'valid' | 'expired' | 'invalid' {
  const match = token ? /^(\d{13,15})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
  if (!match) return 'invalid';
  const exp = Number(match[1]);
  const expected = Buffer.from(mac(user, tenantId, action, exp));
  const given = Buffer.from(match[2]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return now < exp ? 'valid' : 'expired';
}
