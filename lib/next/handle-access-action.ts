import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { SessionUser } from '@/lib/auth';
import { requireUserForApi } from './guards';
import { isSameOrigin } from '@/lib/auth/is-same-origin';
import { getConfig } from '@/lib/config';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { currentLogContext, log, withLogContext } from '@/lib/log';
import { verifyAccessActionToken, type AccessAction } from '@/lib/access/action-token';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessActionFields {
  confirmed: boolean;
}

/**
 * What every access action shares (check now, grant, remove, grant all missing): a log context,
 * sign-in, the customer id's shape, same origin and a CSRF token bound to the user, customer and
 * action, then JSON for fetch callers or a 303 back to the page with a notice. Failures are a
 * JSON error or an error notice with a stable code, never a 500.
 */
export function handleAccessAction(
  request: NextRequest,
  customer: string,
  action: AccessAction,
  run: (
    user: SessionUser,
    customer: string,
    fields: AccessActionFields,
  ) => Promise<{ json: unknown; notice: string }>,
): Promise<NextResponse> {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const back = (notice: Record<string, string>) => {
    const path =
      customer === 'all' ? '/dashboard/access' : `/dashboard/access/${customer.toLowerCase()}`;
    const url = new URL(path, getConfig().PORTAL_URL);
    for (const [k, v] of Object.entries(notice)) url.searchParams.set(k, v);
    return NextResponse.redirect(url, 303);
  };
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      if (customer !== 'all' && !GUID.test(customer))
        throw new AppError('invalid_customer_id', 'That is not a customer id.', 400);
      const fields = await readFields(request);
      const token = request.headers.get('x-csrf-token') ?? fields.csrfToken;
      if (!isSameOrigin(request) || !verifyAccessActionToken(user, customer, action, token)) {
        log.warn(
          { event: 'csrf_refused', action, origin: request.headers.get('origin') },
          'access action refused',
        );
        throw new AppError(
          'csrf_failed',
          'This action did not come from the portal’s own page. Reload the page and try again.',
          403,
        );
      }
      const result = await run(user, customer.toLowerCase(), {
        confirmed: fields.confirm === 'yes',
      });
      if (wantsJson)
        return NextResponse.json(result.json, { headers: { 'Cache-Control': 'no-store' } });
      return back({ notice: result.notice });
    } catch (e) {
      const code = isAppError(e) ? e.code : 'unexpected_error';
      if (!isAppError(e))
        log.error({ event: 'access_action_failed', action, error: e }, 'access action failed');
      if (wantsJson) {
        const ref = currentLogContext()?.correlationId;
        const status = isAppError(e) ? e.status : 503;
        const message = isAppError(e) ? e.message : 'Something went wrong. Try again.';
        return NextResponse.json(
          { error: { code, message, ref } },
          { status, headers: { 'Cache-Control': 'no-store' } },
        );
      }
      return back({ error: code });
    }
  }, request.headers.get('x-correlation-id'));
}

async function readFields(request: Request): Promise<{ csrfToken?: string; confirm?: string }> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.includes('application/json')) {
      const body = (await request.json()) as Record<string, unknown>;
      return { csrfToken: str(body.csrfToken), confirm: str(body.confirm) };
    }
    if (type.includes('form')) {
      const form = await request.formData();
      return { csrfToken: str(form.get('csrfToken')), confirm: str(form.get('confirm')) };
    }
  } catch {
    // A malformed body carries no token; the check then refuses it.
  }
  return {};
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
