// POST /api/connections/:tenantId/disconnect — soft-deletes the stored connection after confirmation.
import { disconnectConnection } from '@/lib/connections';
import { AppError } from '@/lib/errors/app-error';
import { handleConnectionAction } from '@/lib/next';

export const dynamic = 'force-dynamic';

export const POST = handleConnectionAction('disconnect', async (user, tenantId, action) => {
  if (!action.confirmed)
    throw new AppError('confirmation_required', 'Confirm the disconnect first.', 400);
  await disconnectConnection(user, tenantId);
  return { json: { disconnected: true, tenantId }, notice: { disconnected: true } };
});
