import 'server-only';
import type { TenantId } from '@/lib/ids/tenant-id';
import { NextResponse, type NextRequest } from 'next/server';
import { requireUserForApi, type SessionUser } from '@/lib/auth';
import { withLogContext } from '@/lib/log';
import type { ConnectionAction } from './action-token';
import { tenantIdFromParam } from './connection-access';
import { connectionsPageUrl } from './connections-page-url';
import { errorCodeOf, jsonError } from './json-error';
import { readActionRequest, type ActionRequest } from './read-action-request';

type Notice = Parameters<typeof connectionsPageUrl>[0];

/**
 * What every connection action (check now, disconnect) shares: a log context, sign-in, the
 * same-origin and CSRF checks, then JSON for fetch callers or a 303 back to the Connections page
 * with a notice. Failures become a JSON error or an error notice, never a 500. Not exported from
 * the folder's index: it loads next-auth, which the CLI must not.
 */
export function handleConnectionAction(
  request: NextRequest,
  params: Promise<{ tenantId: string }>,
  action: ConnectionAction,
  run: (
    user: SessionUser,
    tenantId: TenantId,
    req: ActionRequest,
  ) => Promise<{ json: unknown; notice: Notice }>,
): Promise<NextResponse> {
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  return withLogContext(async () => {
    try {
      const user = await requireUserForApi();
      const tenantId = tenantIdFromParam((await params).tenantId);
      const result = await run(
        user,
        tenantId,
        await readActionRequest(request, user, tenantId, action),
      );
      if (wantsJson)
        return NextResponse.json(result.json, { headers: { 'Cache-Control': 'no-store' } });
      return NextResponse.redirect(connectionsPageUrl(result.notice), 303);
    } catch (e) {
      if (wantsJson) return jsonError(e);
      return NextResponse.redirect(connectionsPageUrl({ error: errorCodeOf(e) }), 303);
    }
  }, request.headers.get('x-correlation-id'));
}
