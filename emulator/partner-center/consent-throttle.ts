import type { FastifyInstance } from 'fastify';
import type { Clock } from '../core/clock';
import { SlidingBudget } from '../core/sliding-budget';
import { callerOf } from './auth';
import { throttledBody } from './errors';

/** "The rate limit is 50 requests per second (RPS) for each applicationId" (control-panel-vendor-apis.md). */
export const CONSENTS_PER_SECOND = 50;

export class ConsentThrottle {
  readonly budget = new SlidingBudget(1000, CONSENTS_PER_SECOND);
  constructor(readonly clock: Clock) {}
  reset(): void {
    this.budget.clear();
    this.budget.limit = CONSENTS_PER_SECOND;
  }
}

/**
 * Applies the per-application limit to `…/applicationconsents` requests, keyed by the calling
 * token's app id (the CPV app), not by partner or customer. Registered after the auth hook.
 */
export function installConsentThrottle(app: FastifyInstance, throttle: ConsentThrottle): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!/^\/v1\/customers\/[^/?]+\/applicationconsents/i.test(req.url)) return;
    const wait = throttle.budget.take(callerOf(req).appId, 1, throttle.clock.now());
    if (wait === 0) return;
    return reply
      .code(429)
      .header('Retry-After', String(wait))
      .type('application/json; charset=utf-8')
      .send(throttledBody(wait));
  });
}
