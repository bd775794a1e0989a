// POST /api/connections/:tenantId/webhook — a partner admin sets their tenant's alert webhook (URL, format, signing secret).
import { saveWebhookSettings } from '@/lib/alerts/webhook-settings';
import { handleConnectionAction } from '@/lib/next';

export const dynamic = 'force-dynamic';

export const POST = handleConnectionAction('webhook-save', async (user, tenantId, { fields }) => {
  const summary = await saveWebhookSettings(user, tenantId, {
    url: fields.url,
    format: fields.format,
    signingSecret: fields.signingSecret,
  });
  return { json: { webhook: summary }, notice: { webhook: 'saved' } };
});
