import 'server-only';
import type { SessionUser } from '@/lib/auth';
import { isSameOrigin } from '@/lib/auth/is-same-origin';
import { AppError } from '@/lib/errors/app-error';
import { log } from '@/lib/log';
import { verifyActionToken, type ConnectionAction } from './action-token';

export interface ActionRequest {
  /** The confirmation box of a destructive action was ticked (`confirm=yes`). */
  confirmed: boolean;
}

/**
 * Reads and checks a POSTed connection action: same origin (lib/auth's check, shared with the
 * dashboard's forms), and a CSRF token bound to this user,
 * tenant and action (form field `csrfToken`, JSON `csrfToken`, or header `x-csrf-token`).
 */
export async function readActionRequest(
  request: Request,
  user: SessionUser,
  tenantId: string,
  action: ConnectionAction,
): Promise<ActionRequest> {
  const fields = await readFields(request);
  const token = request.headers.get('x-csrf-token') ?? fields.csrfToken;
  const sameOrigin = isSameOrigin(request);
  if (!sameOrigin || !verifyActionToken(user, tenantId, action, token)) {
    log.warn(
      {
        event: 'csrf_refused',
        action,
        tenantId,
        reason: sameOrigin ? 'token' : 'origin',
        origin: request.headers.get('origin'),
      },
      'connection action refused',
    );
    throw new AppError(
      'csrf_failed',
      'This action did not come from the portal’s own page. Reload the page and try again.',
      403,
    );
  }
  return { confirmed: fields.confirm === 'yes' };
}

async function readFields(request: Request): Promise<Record<string, string | undefined>> {
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
    // A malformed body is treated as carrying no token; the check above then refuses it.
  }
  return {};
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
