import 'server-only';
import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getAuthOptions } from './auth-options';
import { toSessionUser, type SessionUser } from '@/lib/auth/session-user';
import { userFromSessionCookie } from './decode-session-cookie';

/**
 * The signed-in user of this request, or null. Reads the session cookie once per request (React
 * `cache`), however many components and data functions ask, and decrypts it once per session.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const options = getAuthOptions();
  const name = options.cookies?.sessionToken?.name;
  const jar = await cookies();
  const value = name ? jar.get(name)?.value : undefined;
  if (value && options.secret) return userFromSessionCookie(value, options.secret);
  // A session too large for one cookie comes in chunks (`.0`, `.1`): next-auth reassembles them.
  if (name && jar.has(`${name}.0`)) return toSessionUser((await getServerSession(options))?.user);
  return null;
});
