// POST /api/connections/:tenantId/disconnect — soft-deletes (or, with purge=yes and where the vault
// allows, permanently deletes) the stored connection after confirmation. The tenant's admin, or an
// operator for any partner (the kill switch).
import { disconnectConnection } from '@/lib/connections';
import { AppError } from '@/lib/errors/app-error';
import { handleConnectionAction } from '@/lib/next';

export const dynamic = 'force-dynamic';

export const POST = handleConnectionAction('disconnect', async (user, tenantId, action) => {
  if (!action.confirmed)
    throw new AppError('confirmation_required', 'Confirm the disconnect first.', 400);
  const { purge } = await disconnectConnection(user, tenantId, { purge: action.purge });
  return {
    json: { disconnected: true, tenantId, purge },
    notice: { disconnected: true, purge },
  };
});
