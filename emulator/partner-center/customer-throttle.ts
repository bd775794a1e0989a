import type { FastifyInstance } from 'fastify';
import { callerOf } from './auth';
import { throttledBody } from './errors';
import type { Throttle } from './throttle';

/**
 * Applies the Customer resource's limit (500 requests a minute per partner tenant) to every
 * `/v1/customers...` request except application consents. Registered after the auth hook, so it knows the caller's tenant.
 */
export function installCustomerThrottle(app: FastifyInstance, throttle: Throttle): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/v1/customers')) return;
    // Application consents have their own limit, per application id (consent-throttle.ts).
    if (/^\/v1\/customers\/[^/?]+\/applicationconsents/i.test(req.url)) return;
    const wait = throttle.take(callerOf(req).tenantId);
    if (wait === 0) return;
    return reply
      .code(429)
      .header('Retry-After', String(wait))
      .type('application/json; charset=utf-8')
      .send(throttledBody(wait));
  });
}
