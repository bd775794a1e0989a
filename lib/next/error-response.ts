import 'server-only';
import { NextResponse } from 'next/server';
import { toErrorBody } from '@/lib/errors/error-body';

/** A failure as the JSON error response every route answers with (lib/errors/error-body.ts). */
export function errorResponse(e: unknown): NextResponse {
  const { status, body } = toErrorBody(e);
  const response = NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
  const retryAfter = (e as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if (status === 429 && typeof retryAfter === 'number')
    response.headers.set('Retry-After', String(retryAfter));
  return response;
}
