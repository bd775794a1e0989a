import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EntraDeps } from '../entra-deps';
import { aadsts } from '../http/aadsts';
import { admitsTenant, canonicalSegment, resolveTenantPath } from '../http/tenant-path';
import type { InteractionRecord } from '../state/types';
import { authorizeErrors } from './authorize-errors';
import { beginInteraction, sendErrorPage } from './perform-step';
import { errorParams, replyToApp } from './reply-to-app';
import { readSession } from './session';

type Query = Record<string, string | undefined>;

/**
 * Admin consent: v1 `/{tenant}/adminconsent` grants every configured permission, v2
 * `/{tenant}/v2.0/adminconsent` the `scope` asked for. An admin signs in (or reuses the
 * session), sees the consent page and accepts for the whole tenant; the app then gets
 * `admin_consent=True&tenant=<guid>`.
 */
export function registerAdminConsentRoutes(app: FastifyInstance, deps: EntraDeps): void {
  const handler =
    (kind: 'adminconsent-v1' | 'adminconsent-v2') =>
    (
      req: FastifyRequest<{ Params: { tenant: string }; Querystring: Query }>,
      reply: FastifyReply,
    ) => {
      const q = req.query;
      const path = resolveTenantPath(deps.directory, req.params.tenant);
      if (!path) return sendErrorPage(deps, reply, aadsts.tenantNotFound(req.params.tenant));
      if (!q.client_id) return sendErrorPage(deps, reply, aadsts.missingParameter('client_id'));
      const client = deps.directory.getApp(q.client_id);
      if (!client)
        return sendErrorPage(deps, reply, aadsts.appNotFound(q.client_id, canonicalSegment(path)));
      const redirectUri = q.redirect_uri ?? client.redirectUris[0]!;
      if (!client.redirectUris.includes(redirectUri))
        return sendErrorPage(
          deps,
          reply,
          authorizeErrors.redirectMismatch(redirectUri, client.appId),
        );
      const now = deps.ctx.clock.now();
      if (kind === 'adminconsent-v2' && !q.scope) {
        return replyToApp(
          reply,
          { redirectUri, responseMode: 'query' },
          errorParams(aadsts.missingParameter('scope'), {
            now,
            authorityHost: deps.ctx.urls.entra,
            state: q.state,
          }),
        );
      }
      const i: InteractionRecord = {
        kind,
        tenantPath: canonicalSegment(path),
        createdAt: now,
        request: {
          clientId: client.appId,
          redirectUri,
          responseType: 'code',
          responseMode: 'query',
          scopes: kind === 'adminconsent-v2' ? q.scope!.split(' ').filter(Boolean) : [],
          ...(q.state !== undefined ? { state: q.state } : {}),
          clientInfo: false,
        },
      };
      const session = readSession(deps, req);
      return beginInteraction(
        deps,
        reply,
        i,
        session && admitsTenant(path, session.record.tenantId) ? session : undefined,
      );
    };
  app.get('/:tenant/adminconsent', handler('adminconsent-v1'));
  app.get('/:tenant/v2.0/adminconsent', handler('adminconsent-v2'));
}
