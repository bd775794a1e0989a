// POST /api/customers/refresh — reload the user's tenant's list from Partner Center, then back to the same view.
import { NextResponse } from 'next/server';
import { isSameOrigin } from '@/lib/auth';
import { getConfig } from '@/lib/config';
import { customerQueryString, parseCustomerQuery, refreshCustomers } from '@/lib/customers';
import { log } from '@/lib/log';
import { requireUserForApi, route } from '@/lib/next';
import { rateLimitedResponse } from '@/lib/next/rate-limited-response';
import { enforceRateLimit, isRateLimited, userRateKey } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  const back = `${getConfig().PORTAL_URL}/dashboard${customerQueryString(parseCustomerQuery(request.nextUrl.searchParams), { page: 1 })}`;
  if (!isSameOrigin(request)) {
    log.warn(
      { event: 'customers_refresh_refused', reason: 'cross_origin' },
      'refresh refused: not posted from the portal',
    );
    return NextResponse.redirect(back, 303);
  }
  try {
    const user = await requireUserForApi();
    await enforceRateLimit('refresh', userRateKey(user));
    await refreshCustomers(user);
    log.info({ event: 'customers_refreshed', tid: user.tid }, 'customer list reloaded');
  } catch (e) {
    if (isRateLimited(e)) return rateLimitedResponse(e, request);
    // The dashboard shows the failure (reconnect banner or error state) when it loads.
    log.info(
      { event: 'customers_refresh_failed', error: e },
      'refresh failed; the dashboard will show why',
    );
  }
  return NextResponse.redirect(back, 303);
});
