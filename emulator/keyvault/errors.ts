import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/**
 * Key Vault's error body, `{"error":{"code","message","innererror?"}}` (wire.md §4.5). The JS SDK
 * turns it into a RestError whose `code` is `error.code`.
 */
export class KvError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly innerCode?: string,
  ) {
    super(message);
  }

  body(): { error: { code: string; message: string; innererror?: { code: string } } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.innerCode ? { innererror: { code: this.innerCode } } : {}),
      },
    };
  }
}

export function sendKvError(reply: FastifyReply, err: KvError): FastifyReply {
  return reply.code(err.status).type('application/json; charset=utf-8').send(err.body());
}

export const badParameter = (message: string) => new KvError(400, 'BadParameter', message);

const NOT_FOUND_HELP =
  'If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182';

/** The SDK's recordings show this exact text for a missing secret or version. */
export function secretNotFound(nameOrId: string): KvError {
  return new KvError(
    404,
    'SecretNotFound',
    `A secret with (name/id) ${nameOrId} was not found in this key vault. ${NOT_FOUND_HELP}`,
  );
}

export function deletedSecretNotFound(name: string): KvError {
  return new KvError(404, 'SecretNotFound', `Deleted Secret not found: ${name}`);
}

/** Bodies Key Vault sends with a throttling or server error (used by fault injection too). */
export function statusBody(status: number): ReturnType<KvError['body']> {
  if (status === 429) {
    return new KvError(
      429,
      'Throttled',
      'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached',
    ).body();
  }
  if (status === 503)
    return new KvError(
      503,
      'ServiceUnavailable',
      'The service is temporarily unavailable. Please retry later.',
    ).body();
  return new KvError(
    status,
    'InternalServerError',
    'An unexpected error occurred. Please retry the request.',
  ).body();
}

/**
 * Every error leaves as Key Vault's JSON: body-parser failures (malformed or empty JSON, a body
 * over the listener's limit) become 400 BadParameter, anything unexpected a 500 without a stack.
 */
export function installKvErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err instanceof KvError) return sendKvError(reply, err);
    const status = err.statusCode ?? 500;
    if (status === 413) return sendKvError(reply, badParameter('The request body is too large.'));
    if (status >= 400 && status < 500)
      return sendKvError(reply, badParameter(`The request body is invalid: ${err.message}`));
    console.error('keyvault: unexpected error', err.message);
    return reply.code(500).send(statusBody(500));
  });
  app.setNotFoundHandler((req, reply) =>
    sendKvError(
      reply,
      new KvError(
        404,
        'NotFound',
        `The requested resource ${req.method} ${req.url.split('?')[0]} was not found.`,
      ),
    ),
  );
}
