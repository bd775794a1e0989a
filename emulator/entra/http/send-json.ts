import type { FastifyReply } from 'fastify';
import type { EntraDeps } from '../entra-deps';
import { entraErrorBody, type EntraErrorSpec } from './entra-error';

/** JSON with the headers Entra's metadata endpoints send. */
export function sendMetadata(reply: FastifyReply, body: unknown) {
  return reply
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'max-age=86400, private')
    .header('access-control-allow-origin', '*')
    .send(body);
}

/** An Entra JSON error with its HTTP status (400 unless the spec says otherwise). */
export function sendEntraError(
  reply: FastifyReply,
  deps: EntraDeps,
  spec: EntraErrorSpec,
  correlationId?: string,
) {
  const body = entraErrorBody(spec, {
    now: deps.ctx.clock.now(),
    authorityHost: deps.ctx.urls.entra,
    correlationId,
  });
  return reply
    .code(spec.status ?? 400)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store, no-cache')
    .send(body);
}
