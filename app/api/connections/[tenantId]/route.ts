// GET /api/connections/:tenantId — one connection's health, as JSON (404 when not visible to the user).
import { NextResponse, type NextRequest } from 'next/server';
import { requireUserForApi } from '@/lib/auth';
import { getConnectionHealth, jsonError, tenantIdFromParam } from '@/lib/connections';
import { withLogContext } from '@/lib/log';

export const dynamic = 'force-dynamic';

export function GET(
  request: NextRequest,
  context: { params: Promise<{ tenantId: string }> },
): Promise<NextResponse> {
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      const tenantId = tenantIdFromParam((await context.params).tenantId);
      return NextResponse.json(await getConnectionHealth(user, tenantId), {
        headers: { 'Cache-Control': 'no-store' },
      });
    } catch (e) {
      return jsonError(e);
    }
  }, request.headers.get('x-correlation-id'));
}
