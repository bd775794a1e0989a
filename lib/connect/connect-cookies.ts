import 'server-only';
import { getConfig } from '@/lib/config';

export const STATE_COOKIE = 'pp_connect_state';
export const RESULT_COOKIE = 'pp_connect_result';

/** The state cookie outlives the 10-minute state so a late callback reads "expired", not "missing". */
export const STATE_COOKIE_TTL_SECONDS = 60 * 60;
export const STATE_TTL_MS = 10 * 60 * 1000;
export const RESULT_COOKIE_TTL_SECONDS = 10 * 60;

export interface CookieSpec {
  name: string;
  value: string;
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: string;
  maxAge: number;
}

/**
 * HttpOnly so scripts cannot read it; SameSite=Lax because Entra's redirect back is a top-level
 * GET from another site, which Lax cookies survive; Secure whenever the portal is served over
 * https; scoped to the one path that reads it.
 */
export function connectCookie(
  name: string,
  value: string,
  path: string,
  maxAge: number,
): CookieSpec {
  const secure = getConfig().PORTAL_URL.startsWith('https:');
  return { name, value, httpOnly: true, sameSite: 'lax', secure, path, maxAge };
}

export function stateCookie(value: string): CookieSpec {
  return connectCookie(STATE_COOKIE, value, '/api/connect', STATE_COOKIE_TTL_SECONDS);
}

export function clearedStateCookie(): CookieSpec {
  return connectCookie(STATE_COOKIE, '', '/api/connect', 0);
}

export function resultCookie(value: string): CookieSpec {
  return connectCookie(RESULT_COOKIE, value, '/connect', RESULT_COOKIE_TTL_SECONDS);
}
