import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/**
 * Partner Center's error body, `{code, description, data, source}` (error-codes.md). `code` is a
 * number in the documented examples; `source` is the front door that answered, "PartnerFD".
 */
export class PcError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly description: string,
    readonly data: string[] = [],
  ) {
    super(description);
  }

  body(): { code: number; description: string; data: string[]; source: 'PartnerFD' } {
    return { code: this.code, description: this.description, data: this.data, source: 'PartnerFD' };
  }
}

export function sendPcError(reply: FastifyReply, err: PcError): FastifyReply {
  return reply.code(err.status).type('application/json; charset=utf-8').send(err.body());
}

/** 400, code 2000: Partner Center's generic invalid-input code (e.g. "Account Id has to be set."). */
export const badInput = (description: string) => new PcError(400, 2000, description);

export const notFound = (what: string) => new PcError(404, 1000, 'Not found', [what]);

/** 403/20002, as documented for a customer the calling partner has no relationship with. */
export const noRelationship = (partnerTenantId: string, customerId: string) =>
  new PcError(
    403,
    20002,
    `The partner ID ${partnerTenantId} has no commerce relationship with the customer ID ${customerId}.`,
  );

/** The throttling answer has its own shape, not the usual error body (api-throttling-guidance.md). */
export function throttledBody(retryAfterSeconds: number): { statusCode: 429; message: string } {
  return {
    statusCode: 429,
    message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`,
  };
}

/** Bodies for statuses injected by the fault registry. */
export function faultBody(status: number, retryAfter: number): unknown {
  if (status === 429) return throttledBody(retryAfter);
  const description =
    status === 503
      ? 'The service is temporarily unavailable. Please retry later.'
      : 'An internal error occurred. Callers can retry.';
  return new PcError(status, status, description).body();
}

/** Every error leaves as Partner Center JSON; nothing unexpected leaks a stack. */
export function installPcErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err instanceof PcError) return sendPcError(reply, err);
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendPcError(reply, badInput(err.message));
    console.error('partner-center: unexpected error', err.message);
    return reply.code(500).send(faultBody(500, 0));
  });
  app.setNotFoundHandler((req, reply) =>
    sendPcError(reply, notFound(`${req.method} ${req.url.split('?')[0]}`)),
  );
}
