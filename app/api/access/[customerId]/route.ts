// GET /api/access/:customerId — one customer's access row (relationships, roles, consent, last error), own tenant only.
import { NextResponse, type NextRequest } from 'next/server';
import { loadAccessDetail } from '@/lib/access/access-view';
import { errorResponse, requireUserForApi } from '@/lib/next';
import { withLogContext } from '@/lib/log';

export const dynamic = 'force-dynamic';

export function GET(
  request: NextRequest,
  context: { params: Promise<{ customerId: string }> },
): Promise<NextResponse> {
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      const { customerId } = await context.params;
      return NextResponse.json(await loadAccessDetail(user, customerId), {
        headers: { 'Cache-Control': 'private, no-store' },
      });
    } catch (e) {
      return errorResponse(e);
    }
  }, request.headers.get('x-correlation-id'));
}
