// GET /api/customers/progress — how far the background load of the user's tenant's list has got.
import { NextResponse } from 'next/server';
import { getCustomerListProgress } from '@/lib/customers';
import { signedInRoute } from '@/lib/next';

export const dynamic = 'force-dynamic';

export const GET = signedInRoute(async (user) =>
  NextResponse.json(await getCustomerListProgress(user), {
    headers: { 'Cache-Control': 'private, no-store' },
  }),
);
