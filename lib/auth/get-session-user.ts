import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getAuthOptions } from './auth-options';
import { toSessionUser, type SessionUser } from './session-user';

/**
 * The signed-in user of this request, or null. Reads and decrypts the session cookie once per
 * request (React `cache`), however many components and data functions ask.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(getAuthOptions());
  return toSessionUser(session?.user);
});
