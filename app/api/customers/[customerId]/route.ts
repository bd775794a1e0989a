// GET /api/customers/:customerId — one customer of the user's own tenant with subscriptions; any other id is 404.
import { NextResponse } from 'next/server';
import { getCustomerDetail } from '@/lib/customers';
import { signedInRoute } from '@/lib/next';

export const dynamic = 'force-dynamic';

export const GET = signedInRoute<{ customerId: string }>(async (user, _request, { customerId }) =>
  NextResponse.json(await getCustomerDetail(user, customerId), {
    headers: { 'Cache-Control': 'private, no-store' },
  }),
);
