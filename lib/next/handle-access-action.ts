import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { SessionUser } from '@/lib/auth';
import { requireUserForApi } from './guards';
import { isSameOrigin } from '@/lib/auth/is-same-origin';
import { getConfig } from '@/lib/config';
import { parseTenantId, type TenantId } from '@/lib/ids/tenant-id';
import { AppError, isAppError } from '@/lib/errors/app-error';
import { currentLogContext, log, withLogContext } from '@/lib/log';
import { verifyAccessActionToken, type AccessAction } from '@/lib/access/action-token';

export interface AccessActionFields {
  confirmed: boolean;
}

type ActionResult = Promise<{ json: unknown; notice: string }>;

/**
 * An action on one customer (check now, grant, remove): the route's customer id is parsed here,
 * where it enters, and the action gets a TenantId.
 */
export function handleAccessAction(
  request: NextRequest,
  customerId: string,
  action: AccessAction,
  run: (user: SessionUser, customer: TenantId, fields: AccessActionFields) => ActionResult,
): Promise<NextResponse> {
  const customer = parseTenantId(customerId);
  if (!customer) {
    // A malformed id is refused as such, before the origin and token checks.
    const refused = new AppError('invalid_customer_id', 'That is not a customer id.', 400);
    return handle(request, action, customerId, undefined, refused, () => Promise.reject(refused));
  }
  return handle(request, action, customer, customer, undefined, (user, fields) =>
    run(user, customer, fields),
  );
}

/** An action on the signed-in user's whole partner tenant (grant all missing). */
export function handlePartnerAccessAction(
  request: NextRequest,
  action: AccessAction,
  run: (user: SessionUser, fields: AccessActionFields) => ActionResult,
): Promise<NextResponse> {
  return handle(request, action, 'all', undefined, undefined, run);
}

/**
 * What every access action shares: a log context, sign-in, same origin and a CSRF token bound
 * to the user, the subject (a customer, or `all`) and the action, then JSON for fetch callers or
 * a 303 back to the page with a notice. Failures are a JSON error or an error notice with a
 * stable code, never a 500.
 */
function handle(
  request: NextRequest,
  action: AccessAction,
  subject: string,
  customer: TenantId | undefined,
  refused: AppError | undefined,
  run: (user: SessionUser, fields: AccessActionFields) => ActionResult,
): Promise<NextResponse> {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const back = (notice: Record<string, string>) => {
    const path = customer ? `/dashboard/access/${customer}` : '/dashboard/access';
    const url = new URL(path, getConfig().PORTAL_URL);
    for (const [k, v] of Object.entries(notice)) url.searchParams.set(k, v);
    return NextResponse.redirect(url, 303);
  };
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      if (refused) throw refused;
      const fields = await readFields(request);
      const token = request.headers.get('x-csrf-token') ?? fields.csrfToken;
      if (!isSameOrigin(request) || !verifyAccessActionToken(user, subject, action, token)) {
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
      const result = await run(user, { confirmed: fields.confirm === 'yes' });
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
