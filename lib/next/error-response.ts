import 'server-only';
import { NextResponse } from 'next/server';
import { toErrorBody } from '@/lib/errors/error-body';

/** A failure as the JSON error response every route answers with (lib/errors/error-body.ts). */
export function errorResponse(e: unknown): NextResponse {
  const { status, body } = toErrorBody(e);
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
