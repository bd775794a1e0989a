import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DirectoryUser } from '../../directory/directory';
import type { EntraDeps } from '../entra-deps';
import { verifyTotp } from '../mfa/verify-totp';
import { mfaPage } from '../pages/mfa-page';
import { authorizeErrors } from './authorize-errors';
import { completeAuthentication } from './complete-authentication';
import { loadInteraction } from './load-interaction';
import { sendErrorPage } from './perform-step';

type Body = { ctx?: unknown; otc?: unknown; approve?: unknown };

/** The second factor: TOTP code or one-click approval, per the user's (possibly switched) method. */
export function registerMfaRoutes(app: FastifyInstance, deps: EntraDeps): void {
  const pending = (id: unknown) => {
    const i = loadInteraction(deps, id);
    if (!i?.userOid || i.amr) return undefined;
    const who = deps.directory.findUserByOid(i.userOid);
    return who ? { i, who } : undefined;
  };
  const render = (
    reply: FastifyReply,
    id: string,
    tenantPath: string,
    user: DirectoryUser,
    wrong = false,
  ) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        mfaPage({
          action: `/${tenantPath}/mfa`,
          ctx: id,
          upn: user.upn,
          method: deps.directory.mfaOf(user) === 'approve' ? 'approve' : 'totp',
          error: wrong ? authorizeErrors.wrongOtp() : undefined,
        }),
      );

  app.get<{ Querystring: { ctx?: string } }>('/:tenant/mfa', (req, reply) => {
    const p = pending(req.query.ctx);
    if (!p) return sendErrorPage(deps, reply, authorizeErrors.flowExpired());
    if (deps.directory.mfaOf(p.who.user) === 'none')
      return completeAuthentication(deps, reply, req.query.ctx!, p.i, p.who, ['pwd']);
    return render(reply, req.query.ctx!, p.i.tenantPath, p.who.user);
  });

  app.post<{ Body: Body }>('/:tenant/mfa', (req, reply) => {
    const id = req.body?.ctx;
    const p = pending(id);
    if (!p || typeof id !== 'string')
      return sendErrorPage(deps, reply, authorizeErrors.flowExpired());
    const method = deps.directory.mfaOf(p.who.user);
    if (method === 'none') return completeAuthentication(deps, reply, id, p.i, p.who, ['pwd']);
    const passed =
      method === 'approve'
        ? req.body?.approve === '1'
        : typeof req.body?.otc === 'string' &&
          !!p.who.user.totpSecret &&
          verifyTotp(p.who.user.totpSecret, req.body.otc.trim());
    if (!passed) return render(reply, id, p.i.tenantPath, p.who.user, true);
    return completeAuthentication(deps, reply, id, p.i, p.who, ['pwd', 'mfa']);
  });
}
