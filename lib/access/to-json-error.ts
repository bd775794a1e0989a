import 'server-only';
import { NextResponse } from 'next/server';
import { isAppError } from '@/lib/errors/app-error';
import { currentLogContext, log } from '@/lib/log';

/** The JSON error of every access route: `{ error: { code, message, ref } }`, never a stack trace. */
export function accessJsonError(e: unknown): NextResponse {
  const ref = currentLogContext()?.correlationId;
  const headers = { 'Cache-Control': 'no-store' };
  if (isAppError(e))
    return NextResponse.json(
      { error: { code: e.code, message: e.message, ref } },
      { status: e.status, headers },
    );
  log.error({ event: 'access_route_failed', error: e }, 'unexpected error in an access route');
  return NextResponse.json(
    { error: { code: 'unexpected_error', message: 'Something went wrong. Try again.', ref } },
    { status: 503, headers },
  );
}
