// GET /api/customers?q=&sort=&dir=&relationship=&page=&pageSize= — a page of the user's own tenant's customers.
import { NextResponse } from 'next/server';
import { listCustomers, parseCustomerQuery } from '@/lib/customers';
import { signedInRoute } from '@/lib/next';

export const dynamic = 'force-dynamic';

export const GET = signedInRoute(async (user, request) => {
  const page = await listCustomers(user, parseCustomerQuery(request.nextUrl.searchParams));
  return NextResponse.json(page, { headers: { 'Cache-Control': 'private, no-store' } });
});
