import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Throttle } from './throttle';

const throttleBody = z.object({ limitPerMinute: z.number().int().min(1).max(1_000_000) });

/**
 * Test-only routes under `/partner-center` on the control listener:
 *
 *   GET /throttle    { limitPerMinute }
 *   PUT /throttle    { limitPerMinute }  e.g. raise it for a benchmark; `POST /reset` restores 500
 */
export function registerPartnerCenterControl(app: FastifyInstance, throttle: Throttle): void {
  app.get('/throttle', async () => ({ limitPerMinute: throttle.limitPerMinute }));
  app.put('/throttle', async (req, reply) => {
    const parsed = throttleBody.safeParse(req.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid body', issues: parsed.error.issues });
    throttle.limitPerMinute = parsed.data.limitPerMinute;
    return { limitPerMinute: throttle.limitPerMinute };
  });
}
