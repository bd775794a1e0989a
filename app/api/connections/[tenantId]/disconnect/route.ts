// POST /api/connections/:tenantId/disconnect — soft-deletes the stored connection after confirmation.
import type { NextRequest } from 'next/server';
import { disconnectConnection } from '@/lib/connections';
import { handleConnectionAction } from '@/lib/connections/handle-connection-action';
import { AppError } from '@/lib/errors/app-error';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest, context: { params: Promise<{ tenantId: string }> }) {
  return handleConnectionAction(
    request,
    context.params,
    'disconnect',
    async (user, tenantId, action) => {
      if (!action.confirmed)
        throw new AppError('confirmation_required', 'Confirm the disconnect first.', 400);
      await disconnectConnection(user, tenantId);
      return {
        json: { disconnected: true, tenantId },
        notice: { disconnected: true },
      };
    },
  );
}
