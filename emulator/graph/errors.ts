import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Microsoft Graph's error envelope (concepts/errors.md):
 * `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`.
 * Clients branch on `code`, never on `message`.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

/** The request id Graph answers with (and echoes as `request-id`), one per request. */
const requestIds = new WeakMap<FastifyRequest, string>();

export function requestIdOf(req: FastifyRequest): string {
  let id = requestIds.get(req);
  if (!id) requestIds.set(req, (id = randomUUID()));
  return id;
}

function clientRequestId(req: FastifyRequest): string {
  const sent = req.headers['client-request-id'];
  return typeof sent === 'string' && sent.length > 0 && sent.length <= 128
    ? sent
    : requestIdOf(req);
}

export function graphErrorBody(
  code: string,
  message: string,
  ids: { requestId: string; clientRequestId: string; now: number },
): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date(ids.now).toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

export function sendGraphError(
  req: FastifyRequest,
  reply: FastifyReply,
  err: GraphError,
  now: number,
): FastifyReply {
  return reply
    .code(err.status)
    .type('application/json')
    .send(
      graphErrorBody(err.code, err.message, {
        requestId: requestIdOf(req),
        clientRequestId: clientRequestId(req),
        now,
      }),
    );
}

export const badRequest = (message: string) => new GraphError(400, 'BadRequest', message);
export const notFound = (message: string) =>
  new GraphError(404, 'Request_ResourceNotFound', message);
export const forbidden = () =>
  new GraphError(
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  );

/** Bodies for statuses injected by the fault registry. */
export function faultBody(status: number, now: number): GraphErrorBody {
  const [code, message] =
    status === 429
      ? ['TooManyRequests', 'Too many requests.']
      : status === 503
        ? ['serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.']
        : ['generalException', 'An unexpected error occurred. Please retry.'];
  const id = randomUUID();
  return graphErrorBody(code, message, { requestId: id, clientRequestId: id, now });
}

/**
 * `request-id` and `client-request-id` on every response (errors and injected faults too), and
 * every error as the Graph envelope: nothing unexpected leaks a stack.
 */
export function installGraphErrorHandling(app: FastifyInstance, now: () => number): void {
  app.addHook('onSend', async (req, reply, payload) => {
    void reply.header('request-id', requestIdOf(req));
    void reply.header('client-request-id', clientRequestId(req));
    return payload;
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof GraphError) return sendGraphError(req, reply, err, now());
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500)
      return sendGraphError(req, reply, new GraphError(status, 'BadRequest', err.message), now());
    console.error('graph: unexpected error', err.message);
    return sendGraphError(
      req,
      reply,
      new GraphError(500, 'generalException', 'An unexpected error occurred.'),
      now(),
    );
  });
  app.setNotFoundHandler((req, reply) =>
    sendGraphError(
      req,
      reply,
      new GraphError(
        400,
        'BadRequest',
        `Resource not found for the segment '${(req.url.split('?')[0] ?? '').split('/').pop() ?? ''}'.`,
      ),
      now(),
    ),
  );
}
