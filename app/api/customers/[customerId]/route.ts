// GET /api/customers/:customerId — one customer of the user's own tenant with subscriptions; any other id is 404.
import { NextResponse, type NextRequest } from 'next/server';
import { requireUserForApi } from '@/lib/auth';
import { getCustomerDetail, toJsonError } from '@/lib/customers';
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
      return NextResponse.json(await getCustomerDetail(user, customerId), {
        headers: { 'Cache-Control': 'private, no-store' },
      });
    } catch (e) {
      return toJsonError(e);
    }
  }, request.headers.get('x-correlation-id'));
}
