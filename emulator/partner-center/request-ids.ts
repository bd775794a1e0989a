import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * Partner Center echoes `MS-RequestId` and `MS-CorrelationId` on every response (headers.md),
 * and makes them up when the caller sent none. An onSend hook, so errors from hooks and injected
 * faults carry them too.
 */
export function installRequestIdEcho(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    for (const name of ['ms-requestid', 'ms-correlationid'] as const) {
      const sent = req.headers[name];
      const value =
        typeof sent === 'string' && sent.length > 0 && sent.length <= 128 ? sent : randomUUID();
      void reply.header(name === 'ms-requestid' ? 'MS-RequestId' : 'MS-CorrelationId', value);
    }
    return payload;
  });
}
