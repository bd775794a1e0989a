// POST /api/connections/:tenantId/check — "check now": redeem and rotate, then back to the page (or JSON).
import type { NextRequest } from 'next/server';
import { checkConnectionNow } from '@/lib/connections';
import { handleConnectionAction } from '@/lib/connections/handle-connection-action';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest, context: { params: Promise<{ tenantId: string }> }) {
  return handleConnectionAction(request, context.params, 'check', async (user, tenantId) => {
    const outcome = await checkConnectionNow(user, tenantId);
    return { json: outcome, notice: { checked: outcome.ok ? 'ok' : outcome.code } };
  });
}
