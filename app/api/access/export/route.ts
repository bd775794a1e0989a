// GET /api/access/export?filter=&q=&sort=&dir= — the user's own tenant's access rows (that filter) as a CSV download.
import type { NextRequest } from 'next/server';
import { parseAccessQuery } from '@/lib/access/access-query';
import { exportAccessCsv } from '@/lib/access/access-view';
import { errorResponse, requireUserForApi } from '@/lib/next';
import { withLogContext } from '@/lib/log';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest): Promise<Response> {
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      const stream = await exportAccessCsv(user, parseAccessQuery(request.nextUrl.searchParams));
      const date = new Date().toISOString().slice(0, 10);
      return new Response(stream, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="customer-access-${date}.csv"`,
          'Cache-Control': 'private, no-store',
        },
      });
    } catch (e) {
      return errorResponse(e);
    }
  }, request.headers.get('x-correlation-id'));
}
