import type { FastifyInstance } from 'fastify';
import type { EntraDeps } from '../entra-deps';
import { EntraError } from '../http/entra-error';
import { sendEntraError } from '../http/send-json';
import { handleTokenRequest } from './handle-token-request';

/** The token endpoint. Every answer is JSON, because MSAL parses every body as JSON. */
export function registerTokenRoutes(app: FastifyInstance, deps: EntraDeps): void {
  app.post<{ Params: { tenant: string }; Querystring: Record<string, string | undefined> }>(
    '/:tenant/oauth2/v2.0/token',
    async (req, reply) => {
      const correlationId =
        req.query['client-request-id'] ?? headerValue(req.headers['client-request-id']);
      try {
        const body = await handleTokenRequest(deps, {
          tenant: req.params.tenant,
          contentType: req.headers['content-type'],
          authorization: req.headers.authorization,
          body: req.body,
        });
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('cache-control', 'no-store, no-cache')
          .header('pragma', 'no-cache')
          .send(body);
      } catch (e) {
        if (e instanceof EntraError) return sendEntraError(reply, deps, e.spec, correlationId);
        throw e;
      }
    },
  );
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
