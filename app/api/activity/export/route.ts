// GET /api/activity/export — every activity row the user may see matching the filters, as CSV.
import { exportActivityCsv, parseActivityQuery } from '@/lib/activity';
import { errorResponse, signedInRoute } from '@/lib/next';
import { rateLimitedResponse } from '@/lib/next/rate-limited-response';
import { enforceRateLimit, isRateLimited, userRateKey } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const GET = signedInRoute(
  async (user, request) => {
    await enforceRateLimit('export', userRateKey(user));
    const stream = await exportActivityCsv(user, parseActivityQuery(request.nextUrl.searchParams));
    const date = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="activity-${date}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  },
  {
    onError: (e, request) =>
      isRateLimited(e) ? rateLimitedResponse(e, request) : errorResponse(e),
  },
);
