import { redirect } from 'next/navigation';
import type { SessionUser } from '@/lib/auth/session-user';
import { isAppError } from '@/lib/errors/app-error';
import { currentLogContext } from '@/lib/log';
import { ErrorState } from './error-state';

/**
 * Where a signed-in user goes when their own tenant is not connected: an operator to the
 * connections table (the home tenant has no customers of its own), anyone else to the page that
 * says so, naming their tenant, with the connect link for a partner admin.
 */
export function redirectNotConnected(user: SessionUser): never {
  if (user.isOperator) redirect('/connections');
  const params = new URLSearchParams({ reason: 'tenant_not_connected', tenant: user.tid });
  if (user.isPartnerAdmin) params.set('admin', '1');
  redirect(`/not-connected?${params}`);
}

/**
 * A dashboard page whose data failed to load: a tenant that is not connected is redirected (see
 * above); any other failure is the page's heading over its stable code, the request's reference
 * and a way to try again. An unexpected error shows no detail of its own.
 */
export function loadFailure(
  error: unknown,
  user: SessionUser,
  page: { title: string; retryHref: string },
) {
  if (isAppError(error) && error.code === 'tenant_not_connected') redirectNotConnected(user);
  return (
    <main>
      <h1>{page.title}</h1>
      <ErrorState
        code={isAppError(error) ? error.code : 'unexpected_error'}
        message={isAppError(error) ? error.message : 'Something went wrong.'}
        refId={currentLogContext()?.correlationId}
        retryHref={page.retryHref}
      />
    </main>
  );
}
