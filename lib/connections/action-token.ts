import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { SessionUser } from '@/lib/auth';
import { getConfig } from '@/lib/config';

/** Each action has its own token, so a token for one cannot authorize another. */
export type ConnectionAction =
  'check' | 'disconnect' | 'webhook-save' | 'webhook-remove' | 'webhook-test';

let key: Buffer | undefined;

function actionKey(): Buffer {
  key ??= Buffer.from(
    hkdfSync('sha256', getConfig().NEXTAUTH_SECRET, 'partner-portal', 'connections:csrf', 32),
  );
  return key;
}

/**
 * A CSRF token for one action on one connection by one signed-in user: an HMAC of who, what and
 * which tenant. The page embeds it in the form; a forged cross-site form cannot know it, and a
 * token for check cannot authorize a disconnect. Stateless, so any portal instance verifies it.
 */
export function createActionToken(
  user: SessionUser,
  tenantId: TenantId,
  action: ConnectionAction,
): string {
  return createHmac('sha256', actionKey())
    .update(`${user.tid}|${user.oid}|${tenantId}|${action}`)
    .digest('base64url');
}

export function verifyActionToken(
  user: SessionUser,
  tenantId: TenantId,
  action: ConnectionAction,
  token: string | null | undefined,
): boolean {
  if (!token) return false;
  const expected = Buffer.from(createActionToken(user, tenantId, action));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
