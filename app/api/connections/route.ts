// GET /api/connections — health of every connection the signed-in user may see, as JSON.
import { NextResponse } from 'next/server';
import { canAdministerTenant } from '@/lib/auth';
import { createActionToken, listConnectionHealth } from '@/lib/connections';
import { signedInRoute } from '@/lib/next';

export const dynamic = 'force-dynamic';

export const GET = signedInRoute(async (user) => {
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
});
