// GET /api/connections — health of every connection the signed-in user may see, as JSON.
import { NextResponse, type NextRequest } from 'next/server';
import { canAdministerTenant, requireUserForApi } from '@/lib/auth';
import { createActionToken, jsonError, listConnectionHealth } from '@/lib/connections';
import { withLogContext } from '@/lib/log';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest): Promise<NextResponse> {
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      const connections = (await listConnectionHealth(user)).map((health) => ({
        ...health,
        // Tokens for the actions this user may take, for same-origin scripts (CORS keeps others out).
        actions: canAdministerTenant(user, health.tenantId)
          ? {
              check: createActionToken(user, health.tenantId, 'check'),
              disconnect: createActionToken(user, health.tenantId, 'disconnect'),
              webhookSave: createActionToken(user, health.tenantId, 'webhook-save'),
              webhookRemove: createActionToken(user, health.tenantId, 'webhook-remove'),
              webhookTest: createActionToken(user, health.tenantId, 'webhook-test'),
            }
          : null,
      }));
      return NextResponse.json({ connections }, { headers: { 'Cache-Control': 'no-store' } });
    } catch (e) {
      return jsonError(e);
    }
  }, request.headers.get('x-correlation-id'));
}
