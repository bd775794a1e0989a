// POST /api/connections/:tenantId/check — "check now": redeem and rotate, then back to the page (or JSON).
import { NextResponse, type NextRequest } from 'next/server';
import { requireUserForApi } from '@/lib/auth';
import { checkConnectionNow, connectionsPageUrl, errorCodeOf, jsonError, readActionRequest } from '@/lib/connections';
import { withLogContext } from '@/lib/log';

export const dynamic = 'force-dynamic';

export function POST(request: NextRequest, context: { params: Promise<{ tenantId: string }> }): Promise<NextResponse> {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      const { tenantId } = await context.params;
      await readActionRequest(request, user, tenantId, 'check');
      const outcome = await checkConnectionNow(user, tenantId);
      if (wantsJson) return NextResponse.json(outcome, { headers: { 'Cache-Control': 'no-store' } });
      return NextResponse.redirect(connectionsPageUrl({ checked: outcome.ok ? 'ok' : outcome.code }), 303);
    } catch (e) {
      if (wantsJson) return jsonError(e);
      return NextResponse.redirect(connectionsPageUrl({ error: errorCodeOf(e) }), 303);
    }
  }, request.headers.get('x-correlation-id'));
}
