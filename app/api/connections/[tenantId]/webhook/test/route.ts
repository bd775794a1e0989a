// POST /api/connections/:tenantId/webhook/test — a partner admin sends one test alert to their tenant's webhook.
import { sendTestAlert } from '@/lib/alerts/send-test-alert';
import { handleConnectionAction } from '@/lib/next';

export const dynamic = 'force-dynamic';

export const POST = handleConnectionAction('webhook-test', async (user, tenantId) => {
  const { httpStatus } = await sendTestAlert(user, tenantId);
  return { json: { delivered: true, httpStatus }, notice: { webhook: 'tested' } };
});
