// POST /api/access/:customerId/check — "check now": that customer's relationships and consent, then back to its page (or JSON).
import type { NextRequest } from 'next/server';
import { checkNow } from '@/lib/access/access-view';
import { handleAccessAction } from '@/lib/next/handle-access-action';

export const dynamic = 'force-dynamic';

export async function POST(
  request: NextRequest,
  context: { params: Promise<{ customerId: string }> },
) {
  const { customerId } = await context.params;
  return handleAccessAction(request, customerId, 'check', async (user, customer) => {
    const row = await checkNow(user, customer);
    return { json: row, notice: 'checked' };
  });
}
