import 'server-only';
import { NextResponse } from 'next/server';
import { isAppError } from '@/lib/errors/app-error';
import { currentLogContext, log } from '@/lib/log';

/**
 * The JSON error every connections route answers with: `{ error: { code, message, ref } }`. An
 * expected failure keeps its status and message; anything else is logged and shown generically,
 * never with a stack trace, and never as a 500.
 */
export function jsonError(e: unknown): NextResponse {
  const ref = currentLogContext()?.correlationId;
  if (isAppError(e)) {
    return NextResponse.json(
      { error: { code: e.code, message: e.message, ref } },
      { status: e.status, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  log.error(
    { event: 'connections_route_failed', cause: e },
    'unexpected error in a connections route',
  );
  return NextResponse.json(
    {
      error: {
        code: 'unexpected_error',
        message:
          'Something went wrong. Try again, and give the reference to the portal operator if it repeats.',
        ref,
      },
    },
    { status: 503, headers: { 'Cache-Control': 'no-store' } },
  );
}

/** The stable code of a failure for a redirect notice; unexpected errors are logged first. */
export function errorCodeOf(e: unknown): string {
  if (isAppError(e)) return e.code;
  log.error(
    { event: 'connections_route_failed', cause: e },
    'unexpected error in a connections route',
  );
  return 'unexpected_error';
}
