// GET /api/access/progress — the access sync's progress for the user's own tenant.
import { NextResponse, type NextRequest } from 'next/server';
import { loadAccessProgress } from '@/lib/access/access-view';
import { errorResponse, requireUserForApi } from '@/lib/next';
import { withLogContext } from '@/lib/log';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest): Promise<NextResponse> {
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      return NextResponse.json(
        { sync: await loadAccessProgress(user) },
        { headers: { 'Cache-Control': 'private, no-store' } },
      );
    } catch (e) {
      return errorResponse(e);
    }
  }, request.headers.get('x-correlation-id'));
}
