import 'server-only';
import type { NextRequest } from 'next/server';
import type { SessionUser } from '@/lib/auth/session-user';
import { withLogContext } from '@/lib/log';
import { errorResponse } from './error-response';
import { requireUserForApi } from './guards';

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (request: NextRequest, params: P) => Promise<Response>;

export interface RouteOptions {
  /** How a failure is answered; the JSON error response by default. */
  onError?: (error: unknown, request: NextRequest) => Response;
}

/**
 * The one wrapper every route handler uses: a log context (request id, and the caller's
 * correlation id when it is a GUID), the route parameters, and one error mapping, so no failure
 * becomes a 500 or a stack trace.
 */
export function route<P = Record<string, never>>(handler: Handler<P>, options: RouteOptions = {}) {
  return (request: NextRequest, context?: RouteContext<P>): Promise<Response> =>
    withLogContext(async () => {
      try {
        return await handler(request, (await context?.params) as P);
      } catch (e) {
        return options.onError ? options.onError(e, request) : errorResponse(e);
      }
    }, request.headers.get('x-correlation-id'));
}

/** `route`, for signed-in users only: the handler gets the session's user (401 otherwise). */
export function signedInRoute<P = Record<string, never>>(
  handler: (user: SessionUser, request: NextRequest, params: P) => Promise<Response>,
  options: RouteOptions = {},
) {
  return route<P>(
    async (request, params) => handler(await requireUserForApi(), request, params),
    options,
  );
}
