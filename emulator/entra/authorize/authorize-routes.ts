import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EntraDeps } from '../entra-deps';
import { admitsTenant, canonicalSegment } from '../http/tenant-path';
import type { InteractionRecord } from '../state/types';
import { authorizeErrors } from './authorize-errors';
import { parseAuthorize } from './parse-authorize';
import { beginInteraction, sendErrorPage } from './perform-step';
import { errorParams, replyToApp } from './reply-to-app';
import { readSession } from './session';

type AuthorizeRoute = { Params: { tenant: string } };

/** GET or POST /{tenant}/oauth2/v2.0/authorize on the browser origin. */
export function registerAuthorizeRoutes(app: FastifyInstance, deps: EntraDeps): void {
  const handler = async (req: FastifyRequest<AuthorizeRoute>, reply: FastifyReply) => {
    const q = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown> | undefined;
    const parsed = parseAuthorize(deps.directory, req.params.tenant, q ?? {});
    if (parsed.kind === 'page-error') return sendErrorPage(deps, reply, parsed.spec);
    const now = deps.ctx.clock.now();
    if (parsed.kind === 'redirect-error') {
      return replyToApp(
        reply,
        parsed.target,
        errorParams(parsed.spec, {
          now,
          authorityHost: deps.ctx.urls.entra,
          state: parsed.target.state,
        }),
      );
    }
    const { path, request } = parsed;
    const i: InteractionRecord = {
      kind: 'authorize',
      tenantPath: canonicalSegment(path),
      request,
      createdAt: now,
    };

    // SSO: a signed-in browser skips the sign-in unless prompt or login_hint ask for someone else.
    const session = readSession(deps, req);
    const sessionFits =
      session !== undefined &&
      admitsTenant(path, session.record.tenantId) &&
      request.prompt !== 'login' &&
      request.prompt !== 'select_account' &&
      (!request.loginHint || request.loginHint.toLowerCase() === session.user.upn.toLowerCase());
    if (request.prompt === 'none' && !sessionFits) {
      return replyToApp(
        reply,
        {
          redirectUri: request.redirectUri,
          responseMode: request.responseMode,
          state: request.state,
        },
        errorParams(authorizeErrors.loginRequired(), {
          now,
          authorityHost: deps.ctx.urls.entra,
          state: request.state,
        }),
      );
    }
    return beginInteraction(deps, reply, i, sessionFits ? session : undefined);
  };
  app.get<AuthorizeRoute>('/:tenant/oauth2/v2.0/authorize', handler);
  app.post<AuthorizeRoute>('/:tenant/oauth2/v2.0/authorize', handler);
}
