// GET /api/customers/export — the user's tenant's full customer list as a streamed CSV download.
import { exportCustomersCsv } from '@/lib/customers';
import { errorResponse, signedInRoute } from '@/lib/next';
import { rateLimitedResponse } from '@/lib/next/rate-limited-response';
import { enforceRateLimit, isRateLimited, userRateKey } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const GET = signedInRoute(
  async (user) => {
    await enforceRateLimit('export', userRateKey(user));
    const stream = await exportCustomersCsv(user);
    const date = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="customers-${date}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
  {
    onError: (e, request) =>
      isRateLimited(e) ? rateLimitedResponse(e, request) : errorResponse(e),
  },
);
