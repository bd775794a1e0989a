// GET /api/customers/export — the user's tenant's full customer list as a streamed CSV download.
import type { NextRequest } from 'next/server';
import { requireUserForApi } from '@/lib/auth';
import { exportCustomersCsv, toJsonError } from '@/lib/customers';
import { withLogContext } from '@/lib/log';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest): Promise<Response> {
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      const stream = await exportCustomersCsv(user);
      const date = new Date().toISOString().slice(0, 10);
      return new Response(stream, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="customers-${date}.csv"`,
          'Cache-Control': 'private, no-store',
        },
      });
    } catch (e) {
      return toJsonError(e);
    }
  }, request.headers.get('x-correlation-id'));
}
