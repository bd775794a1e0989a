// POST /api/connections/:tenantId/webhook/remove — a partner admin removes their tenant's alert webhook.
import type { NextRequest } from 'next/server';
import { removeWebhookSettings } from '@/lib/alerts/webhook-settings';
import { handleConnectionAction } from '@/lib/connections/handle-connection-action';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest, context: { params: Promise<{ tenantId: string }> }) {
  return handleConnectionAction(
    request,
    context.params,
    'webhook-remove',
    async (user, tenantId) => {
      await removeWebhookSettings(user, tenantId);
      return { json: { webhook: null }, notice: { webhook: 'removed' } };
    },
  );
}
