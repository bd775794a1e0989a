import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import type { SessionUser } from '@/lib/auth';
import { isSameOrigin } from '@/lib/auth/is-same-origin';
import { AppError } from '@/lib/errors/app-error';
import { log } from '@/lib/log';
import { verifyActionToken, type ConnectionAction } from './action-token';

export interface ActionRequest {
  /** The confirmation box of a destructive action was ticked (`confirm=yes`). */
  confirmed: boolean;
  /** Disconnect only: also delete permanently (`purge=yes`). */
  purge: boolean;
  /** The form's (or JSON body's) other string fields, for actions that take input. */
  fields: Readonly<Record<string, string | undefined>>;
}

/**
 * Reads and checks a POSTed connection action: same origin (lib/auth's check, shared with the
 * dashboard's forms), and a CSRF token bound to this user,
 * tenant and action (form field `csrfToken`, JSON `csrfToken`, or header `x-csrf-token`).
 */
export async function readActionRequest(
  request: Request,
  user: SessionUser,
  tenantId: TenantId,
  action: ConnectionAction,
): Promise<ActionRequest> {
  const fields = await readFields(request);
  const token = request.headers.get('x-csrf-token') ?? fields.csrfToken;
  const sameOrigin = isSameOrigin(request);
  const verdict = sameOrigin ? verifyActionToken(user, tenantId, action, token) : 'invalid';
  if (verdict === 'expired') {
    // A page left open for over an hour: not an attack, so a plain "reload and try again".
    throw new AppError(
      'action_expired',
      'This page was open for too long. It has been reloaded: try again.',
      403,
    );
  }
  if (verdict !== 'valid') {
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
  return { confirmed: fields.confirm === 'yes', purge: fields.purge === 'yes', fields };
}

async function readFields(request: Request): Promise<Record<string, string | undefined>> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.includes('application/json')) {
      const body = (await request.json()) as unknown;
      if (body && typeof body === 'object' && !Array.isArray(body))
        return stringFields(Object.entries(body));
      return {};
    }
    if (type.includes('form')) return stringFields((await request.formData()).entries());
  } catch {
    // A malformed body is treated as carrying no token; the check above then refuses it.
  }
  return {};
}

const MAX_FIELDS = 16;
const MAX_FIELD_LENGTH = 4096;

/** String fields only (files and nested values are dropped), a bounded number of bounded size. */
function stringFields(entries: Iterable<[string, unknown]>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = Object.create(null) as Record<string, string>;
  let n = 0;
  for (const [key, value] of entries) {
    if (++n > MAX_FIELDS) break;
    if (typeof value === 'string' && value.length <= MAX_FIELD_LENGTH && !(key in out))
      out[key] = value;
  }
  return out;
}
