// POST /api/connections/:tenantId/disconnect — soft-deletes the stored connection after confirmation.
import { NextResponse, type NextRequest } from 'next/server';
import { requireUserForApi } from '@/lib/auth';
import { connectionsPageUrl, disconnectConnection, errorCodeOf, jsonError, readActionRequest } from '@/lib/connections';
import { AppError } from '@/lib/errors/app-error';
import { withLogContext } from '@/lib/log';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest, context: { params: Promise<{ tenantId: string }> }): Promise<NextResponse> {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      const { tenantId } = await context.params;
      const action = await readActionRequest(request, user, tenantId, 'disconnect');
      if (!action.confirmed) throw new AppError('confirmation_required', 'Confirm the disconnect first.', 400);
      await disconnectConnection(user, tenantId);
      if (wantsJson) return NextResponse.json({ disconnected: true, tenantId: tenantId.toLowerCase() }, { headers: { 'Cache-Control': 'no-store' } });
      return NextResponse.redirect(connectionsPageUrl({ disconnected: true }), 303);
    } catch (e) {
      if (wantsJson) return jsonError(e);
      return NextResponse.redirect(connectionsPageUrl({ error: errorCodeOf(e) }), 303);
    }
  }, request.headers.get('x-correlation-id'));
}
