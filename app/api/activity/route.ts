// GET /api/activity — the activity rows the signed-in user may see, one page, as JSON.
import { NextResponse } from 'next/server';
import { listActivity, parseActivityQuery } from '@/lib/activity';
import { signedInRoute } from '@/lib/next';

export const dynamic = 'force-dynamic';

export const GET = signedInRoute(async (user, request) => {
  const page = await listActivity(user, parseActivityQuery(request.nextUrl.searchParams));
  return NextResponse.json(page, { headers: { 'Cache-Control': 'no-store' } });
});
