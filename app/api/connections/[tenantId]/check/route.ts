// POST /api/connections/:tenantId/check — "check now": redeem and rotate, then back to the page (or JSON).
import type { NextRequest } from 'next/server';
import { observeCheckQuietly } from '@/lib/alerts/sync-alerts';
import { checkConnectionNow } from '@/lib/connections';
import { handleConnectionAction } from '@/lib/connections/handle-connection-action';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest, context: { params: Promise<{ tenantId: string }> }) {
  return handleConnectionAction(request, context.params, 'check', async (user, tenantId) => {
    const outcome = await checkConnectionNow(user, tenantId);
    // A check counts for the alert rules too (3 failed checks in a row raise "failing").
    await observeCheckQuietly({ health: outcome.health, check: outcome.ok ? 'ok' : 'failed' });
    return { json: outcome, notice: { checked: outcome.ok ? 'ok' : outcome.code } };
  });
}
