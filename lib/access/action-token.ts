import 'server-only';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { SessionUser } from '@/lib/auth';
import { getConfig } from '@/lib/config';

export type AccessAction = 'check' | 'grant' | 'remove' | 'grant-missing';

let key: Buffer | undefined;

function actionKey(): Buffer {
  key ??= Buffer.from(
    hkdfSync('sha256', getConfig().NEXTAUTH_SECRET, 'partner-portal', 'access:csrf', 32),
  );
  return key;
}

/**
 * A CSRF token for one access action on one customer (or `all`) by one signed-in user: an HMAC
 * of who, what and which customer, so a token for "check now" cannot authorize a removal and a
 * forged cross-site form cannot know it. Stateless: any portal instance verifies it.
 */
export function createAccessActionToken(
  user: SessionUser,
  customer: string,
  action: AccessAction,
): string {
  return createHmac('sha256', actionKey())
    .update(`${user.tid}|${user.oid}|${customer.toLowerCase()}|${action}`)
    .digest('base64url');
}

export function verifyAccessActionToken(
  user: SessionUser,
  customer: string,
  action: AccessAction,
  token: string | null | undefined,
): boolean {
  if (!token) return false;
  const expected = Buffer.from(createAccessActionToken(user, customer, action));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
