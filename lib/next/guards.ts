import 'server-only';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/errors/app-error';
import type { SessionUser } from '@/lib/auth/session-user';
import { getSessionUser } from './get-session-user';

/**
 * Guards called at the top of every data function, not only in proxy.ts: authorization lives
 * with the data. Page variants redirect; `...ForApi` variants throw AppError for JSON routes.
 */

/** Any signed-in user; otherwise to the sign-in page, coming back to `returnTo`. */
export async function requireUser(returnTo = '/dashboard'): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function requireUserForApi(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue.', 401);
  return user;
}

/** An admin of their own partner tenant (Global Administrator or Portal.Admin). */
export async function requirePartnerAdmin(returnTo?: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!user.isPartnerAdmin)
    throw new AppError(
      'forbidden_not_admin',
      'Only an administrator of your organization can do this.',
      403,
    );
  return user;
}

/** An operator of the home tenant. */
export async function requireOperator(returnTo?: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (!user.isOperator)
    throw new AppError('forbidden_not_operator', 'Only portal operators can see this.', 403);
  return user;
}
