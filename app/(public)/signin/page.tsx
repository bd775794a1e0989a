import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { getSessionUser } from '@/lib/next';
import { DEFAULT_RETURN_PATH, parseReturnPath } from '@/lib/security/return-path';
import { SignInButton } from './sign-in-button';

export const metadata: Metadata = { title: 'Sign in · Partner Portal' };

/** next-auth's error codes for the callback, in words. Unknown codes are not echoed. */
const ERRORS: Record<string, string> = {
  OAuthCallback:
    'Microsoft sign-in did not complete, or its answer could not be verified. Sign in again.',
  OAuthSignin: 'The sign-in could not be started. Try again in a moment.',
  Callback: 'The sign-in could not be completed. Sign in again.',
  AccessDenied: 'Your account may not use this portal.',
  SessionRequired: 'Sign in to continue.',
  Default: 'Sign-in failed. Try again.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // The one return-path parser (next-auth's redirect callback uses it too); a bad value → default.
  const callbackUrl =
    parseReturnPath(params.callbackUrl, getConfig().PORTAL_URL) ?? DEFAULT_RETURN_PATH;
  if (await getSessionUser()) redirect(callbackUrl);
  const errorKey = typeof params.error === 'string' ? params.error : undefined;
  // Own keys only: `?error=__proto__` or `constructor` must not pick up Object's members.
  const known = errorKey !== undefined && Object.hasOwn(ERRORS, errorKey);
  const error = errorKey ? (known ? ERRORS[errorKey] : ERRORS.Default) : undefined;

  return (
    <main>
      <h1>Sign in</h1>
      {error && (
        <p className="card banner-bad" role="alert" data-testid="signin-error">
          {error} <code>{known ? `signin_${errorKey}` : 'signin_failed'}</code>
        </p>
      )}
      <div className="card">
        <p>Sign in with your work account. Your organization must be connected to the portal.</p>
        <SignInButton callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
