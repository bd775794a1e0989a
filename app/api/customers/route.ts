// GET /api/customers?q=&sort=&dir=&relationship=&page=&pageSize= — a page of the user's own tenant's customers.
import { NextResponse, type NextRequest } from 'next/server';
import { requireUserForApi } from '@/lib/auth';
import { listCustomers, parseCustomerQuery, toJsonError } from '@/lib/customers';
import { withLogContext } from '@/lib/log';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest): Promise<NextResponse> {
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      const page = await listCustomers(user, parseCustomerQuery(request.nextUrl.searchParams));
      return NextResponse.json(page, { headers: { 'Cache-Control': 'private, no-store' } });
    } catch (e) {
      return toJsonError(e);
    }
  }, request.headers.get('x-correlation-id'));
}
