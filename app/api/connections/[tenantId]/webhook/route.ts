// POST /api/connections/:tenantId/webhook — a partner admin sets their tenant's alert webhook (URL, format, signing secret).
import type { NextRequest } from 'next/server';
import { saveWebhookSettings } from '@/lib/alerts/webhook-settings';
import { handleConnectionAction } from '@/lib/connections/handle-connection-action';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest, context: { params: Promise<{ tenantId: string }> }) {
  return handleConnectionAction(
    request,
    context.params,
    'webhook-save',
    async (user, tenantId, { fields }) => {
      const summary = await saveWebhookSettings(user, tenantId, {
        url: fields.url,
        format: fields.format,
        signingSecret: fields.signingSecret,
      });
      return { json: { webhook: summary }, notice: { webhook: 'saved' } };
    },
  );
}
