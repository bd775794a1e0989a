// POST /api/connections/:tenantId/webhook/test — a partner admin sends one test alert to their tenant's webhook.
import type { NextRequest } from 'next/server';
import { sendTestAlert } from '@/lib/alerts/send-test-alert';
import { handleConnectionAction } from '@/lib/connections/handle-connection-action';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest, context: { params: Promise<{ tenantId: string }> }) {
  return handleConnectionAction(request, context.params, 'webhook-test', async (user, tenantId) => {
    const { httpStatus } = await sendTestAlert(user, tenantId);
    return { json: { delivered: true, httpStatus }, notice: { webhook: 'tested' } };
  });
}
