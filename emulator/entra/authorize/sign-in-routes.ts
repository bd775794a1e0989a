import type { FastifyInstance, FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { EntraDeps } from '../entra-deps';
import { aadsts } from '../http/aadsts';
import { resolveTenantPath, admitsTenant } from '../http/tenant-path';
import { signInPage } from '../pages/sign-in-page';
import type { InteractionRecord } from '../state/types';
import { authorizeErrors } from './authorize-errors';
import { completeAuthentication } from './complete-authentication';
import { loadInteraction } from './load-interaction';
import { performStep, sendErrorPage } from './perform-step';
import { readSession } from './session';

type Body = { ctx?: unknown; login?: unknown; passwd?: unknown; continue?: unknown };

function samePassword(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The username + password page. Failed attempts re-render it with Entra's message and change nothing. */
export function registerSignInRoutes(app: FastifyInstance, deps: EntraDeps): void {
  const render = (
    reply: FastifyReply,
    id: string,
    i: InteractionRecord,
    sessionUser: string | undefined,
    error?: { message: string; code: number },
    hint?: string,
  ) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        signInPage({
          action: `/${i.tenantPath}/login`,
          ctx: id,
          appName: deps.directory.getApp(i.request.clientId)?.displayName ?? i.request.clientId,
          loginHint: hint ?? i.request.loginHint,
          sessionUser,
          error,
        }),
      );

  app.get<{ Querystring: { ctx?: string } }>('/:tenant/login', (req, reply) => {
    const i = loadInteraction(deps, req.query.ctx);
    if (!i) return sendErrorPage(deps, reply, authorizeErrors.flowExpired());
    return render(reply, req.query.ctx!, i, readSession(deps, req)?.user.upn);
  });

  app.post<{ Body: Body }>('/:tenant/login', (req, reply) => {
    const id = req.body?.ctx;
    const i = loadInteraction(deps, id);
    if (!i || typeof id !== 'string')
      return sendErrorPage(deps, reply, authorizeErrors.flowExpired());
    const path = resolveTenantPath(deps.directory, i.tenantPath)!;
    const session = readSession(deps, req);

    if (req.body?.continue === '1' && session && admitsTenant(path, session.record.tenantId)) {
      Object.assign(i, {
        userOid: session.record.userOid,
        amr: session.record.amr,
        authTime: session.record.authTime,
        sid: session.record.sid,
      });
      deps.store.save();
      return performStep(deps, reply, id, i);
    }
    const login = typeof req.body?.login === 'string' ? req.body.login.trim() : '';
    const password = typeof req.body?.passwd === 'string' ? req.body.passwd : '';
    const fail = (spec: { message: string; code: number }) =>
      render(reply, id, i, session?.user.upn, spec, login);
    const who = login ? deps.directory.findUser(login) : undefined;
    if (!who) return fail(authorizeErrors.userNotFound());
    if (!samePassword(who.user.password, password)) return fail(authorizeErrors.wrongPassword());
    if (!admitsTenant(path, who.tenant.id)) {
      const tenantName = path.kind === 'tenant' ? path.tenant.name : i.tenantPath;
      return fail(aadsts.userNotInTenant(who.user.upn, tenantName));
    }
    if (deps.directory.mfaOf(who.user) === 'none')
      return completeAuthentication(deps, reply, id, i, who, ['pwd']);
    i.userOid = who.user.oid;
    deps.store.save();
    return reply.redirect(`/${i.tenantPath}/mfa?ctx=${encodeURIComponent(id)}`, 302);
  });
}
