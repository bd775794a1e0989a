import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { SessionUser } from '@/lib/auth/session-user';
import type { ConnectionAction } from '@/lib/connections/action-token';
import { tenantIdFromParam } from '@/lib/connections/connection-access';
import { connectionsPageUrl } from '@/lib/connections/connections-page-url';
import { readActionRequest, type ActionRequest } from '@/lib/connections/read-action-request';
import { errorCodeOf } from '@/lib/errors/error-body';
import type { TenantId } from '@/lib/ids/tenant-id';
import { isRateLimited } from '@/lib/rate-limit';
import { errorResponse } from './error-response';
import { rateLimitedResponse } from './rate-limited-response';
import { signedInRoute } from './route';

type Notice = Parameters<typeof connectionsPageUrl>[0];

function wantsJson(request: NextRequest): boolean {
  return (request.headers.get('accept') ?? '').includes('application/json');
}

/**
 * What every connection action (check now, disconnect) shares on top of `signedInRoute`: the
 * same-origin and CSRF checks, then JSON for fetch callers or a 303 back to the Connections page
 * with a notice. Failures become the JSON error or an error notice, never a 500.
 */
export function handleConnectionAction(
  action: ConnectionAction,
  run: (
    user: SessionUser,
    tenantId: TenantId,
    req: ActionRequest,
  ) => Promise<{ json: unknown; notice: Notice }>,
) {
  return signedInRoute<{ tenantId: string }>(
    async (user, request, params) => {
      const tenantId = tenantIdFromParam(params.tenantId);
      const result = await run(
        user,
        tenantId,
        await readActionRequest(request, user, tenantId, action),
      );
      if (wantsJson(request))
        return NextResponse.json(result.json, { headers: { 'Cache-Control': 'no-store' } });
      return NextResponse.redirect(connectionsPageUrl(result.notice), 303);
    },
    {
      onError: (e, request) =>
        isRateLimited(e)
          ? rateLimitedResponse(e, request)
          : wantsJson(request)
            ? errorResponse(e)
            : NextResponse.redirect(connectionsPageUrl({ error: errorCodeOf(e) }), 303),
    },
  );
}
