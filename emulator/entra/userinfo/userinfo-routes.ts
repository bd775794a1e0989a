import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MICROSOFT_GRAPH } from '../../directory/resource-apps';
import type { EntraDeps } from '../entra-deps';

/**
 * The OIDC userinfo endpoint (Entra serves it from Graph): a Graph access token from this
 * emulator buys the user's basic profile. Anything else gets 401 with a Bearer challenge.
 */
export function registerUserinfoRoutes(app: FastifyInstance, deps: EntraDeps): void {
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const payload = m ? await deps.ctx.keys.verify(m[1]!).catch(() => undefined) : undefined;
    const aud = payload?.aud;
    const isGraph = aud === MICROSOFT_GRAPH.appId || aud === MICROSOFT_GRAPH.identifierUris[0];
    const who =
      isGraph && typeof payload?.oid === 'string'
        ? deps.directory.findUserByOid(payload.oid)
        : undefined;
    if (!who) {
      return reply
        .code(401)
        .header(
          'www-authenticate',
          'Bearer error="invalid_token", error_description="The access token is missing, invalid or not for Microsoft Graph."',
        )
        .send({
          error: {
            code: 'InvalidAuthenticationToken',
            message: 'Access token validation failure.',
          },
        });
    }
    const [given, ...family] = who.user.displayName.split(' ');
    return {
      sub: payload!.sub,
      name: who.user.displayName,
      given_name: given,
      family_name: family.join(' '),
      email: who.user.upn,
    };
  };
  app.get('/oidc/userinfo', handler);
  app.post('/oidc/userinfo', handler);
}
