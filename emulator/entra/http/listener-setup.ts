import type { FastifyInstance } from 'fastify';
import type { EntraDeps } from '../entra-deps';
import { aadsts } from './aadsts';
import { sendEntraError } from './send-json';
import { sendErrorPage } from '../authorize/perform-step';

/**
 * The https listener answers everything in Entra's JSON: any content type is accepted as text
 * (the token endpoint reads only form bodies, so a JSON body reads as missing parameters rather
 * than failing in the parser), unknown paths and parser errors become AADSTS errors.
 */
export function setUpApiListener(app: FastifyInstance, deps: EntraDeps): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.setNotFoundHandler((req, reply) =>
    sendEntraError(
      reply,
      deps,
      {
        ...aadsts.malformedRequest(),
        message: `Invalid request. The endpoint ${req.method} ${req.url.split('?')[0]} does not exist.`,
      },
      undefined,
    ),
  );
  app.setErrorHandler((_err, _req, reply) =>
    sendEntraError(reply, deps, aadsts.malformedRequest()),
  );
}

/** The browser listener shows Entra's error page for unknown paths and unparsable requests. */
export function setUpBrowserListener(app: FastifyInstance, deps: EntraDeps): void {
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.setNotFoundHandler((_req, reply) =>
    sendErrorPage(deps, reply.code(404), aadsts.malformedRequest()),
  );
  app.setErrorHandler((_err, _req, reply) => sendErrorPage(deps, reply, aadsts.malformedRequest()));
}
