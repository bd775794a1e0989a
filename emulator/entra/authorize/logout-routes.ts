import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import type { EntraDeps } from '../entra-deps';
import { signedOutPage } from '../pages/message-pages';
import { endSession } from './session';

type Params = Record<string, string | undefined>;

/**
 * The end-session endpoint: forgets the browser's session, then returns to
 * `post_logout_redirect_uri` only when it is registered for the app (named by client_id or
 * the id_token_hint's audience); otherwise shows Entra's "You signed out" page.
 */
export function registerLogoutRoutes(app: FastifyInstance, deps: EntraDeps): void {
  const handler = (req: FastifyRequest, reply: FastifyReply) => {
    const p = ((req.method === 'POST' ? req.body : req.query) ?? {}) as Params;
    if (endSession(deps, req, reply)) deps.store.save();
    const target = p.post_logout_redirect_uri;
    if (target && allowed(deps, target, clientOf(p))) {
      const url = new URL(target);
      if (p.state !== undefined) url.searchParams.set('state', p.state);
      return reply.redirect(url.toString(), 302);
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(signedOutPage());
  };
  app.get('/:tenant/oauth2/v2.0/logout', handler);
  app.post('/:tenant/oauth2/v2.0/logout', handler);
}

function clientOf(p: Params): string | undefined {
  if (p.client_id) return p.client_id;
  if (!p.id_token_hint) return undefined;
  try {
    const aud = decodeJwt(p.id_token_hint).aud;
    return Array.isArray(aud) ? aud[0] : aud;
  } catch {
    return undefined;
  }
}

function allowed(deps: EntraDeps, target: string, clientId: string | undefined): boolean {
  const apps = clientId
    ? [deps.directory.getApp(clientId)].filter((a) => a !== undefined)
    : deps.directory.registrations();
  return apps.some((a) => a.redirectUris.includes(target) || a.logoutUris.includes(target));
}
