import 'server-only';
import { NextResponse } from 'next/server';
import { currentLogContext, log } from '@/lib/log';
import { isAppError } from '@/lib/errors/app-error';
import { isConnectionError } from '@/lib/tokens';

/**
 * The JSON error of every customers route: `{ error: { code, message, advice?, ref } }`. Expected
 * failures keep their status; anything else is logged and answered 503, never a stack trace.
 */
export function toJsonError(e: unknown): NextResponse {
  const ref = currentLogContext()?.correlationId;
  const headers = { 'Cache-Control': 'no-store' };
  if (isAppError(e)) {
    const advice = isConnectionError(e) ? e.advice : undefined;
    return NextResponse.json(
      { error: { code: e.code, message: e.message, advice, ref } },
      { status: e.status, headers },
    );
  }
  log.error({ event: 'customers_route_failed', error: e }, 'unexpected error in a customers route');
  return NextResponse.json(
    { error: { code: 'unexpected_error', message: 'Something went wrong. Try again.', ref } },
    { status: 503, headers },
  );
}
