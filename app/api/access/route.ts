// GET /api/access?filter=&q=&sort=&dir=&page=&size= — a page of the user's own tenant's access view, with counts and sync progress.
import { NextResponse, type NextRequest } from 'next/server';
import { parseAccessQuery } from '@/lib/access/access-query';
import { loadAccessPage } from '@/lib/access/access-view';
import { errorResponse, requireUserForApi } from '@/lib/next';
import { withLogContext } from '@/lib/log';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest): Promise<NextResponse> {
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      const page = await loadAccessPage(user, parseAccessQuery(request.nextUrl.searchParams));
      return NextResponse.json(page, { headers: { 'Cache-Control': 'private, no-store' } });
    } catch (e) {
      return errorResponse(e);
    }
  }, request.headers.get('x-correlation-id'));
}
