// POST /api/connections/:tenantId/webhook/remove — a partner admin removes their tenant's alert webhook.
import { removeWebhookSettings } from '@/lib/alerts/webhook-settings';
import { handleConnectionAction } from '@/lib/next';

export const dynamic = 'force-dynamic';

export const POST = handleConnectionAction('webhook-remove', async (user, tenantId) => {
  await removeWebhookSettings(user, tenantId);
  return { json: { webhook: null }, notice: { webhook: 'removed' } };
});
