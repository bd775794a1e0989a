// GET /api/customers/progress — how far the background load of the user's tenant's list has got.
import { NextResponse } from 'next/server';
import { requireUserForApi } from '@/lib/auth';
import { getCustomerListProgress, toJsonError } from '@/lib/customers';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<NextResponse> {
  try {
    const user = await requireUserForApi();
    return NextResponse.json(getCustomerListProgress(user), {
      headers: { 'Cache-Control': 'private, no-store' },
    });
  } catch (e) {
    return toJsonError(e);
  }
}
