import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext, EmulatorService } from './service';

const faultSchema = z.object({
  service: z.enum(['entra', 'keyvault', 'partner-center', 'graph']),
  route: z.string().min(1),
  kind: z.enum(['latency', 'status', 'drop']),
  delayMs: z.number().int().min(0).max(120_000).optional(),
  status: z.union([z.literal(429), z.literal(500), z.literal(503)]).optional(),
  retryAfter: z.number().int().min(0).max(3600).optional(),
  count: z.number().int().positive().optional(),
  ratio: z.number().min(0).max(1).optional(),
});

const advanceSchema = z.object({
  days: z.number().min(0).optional(),
  seconds: z.number().min(0).optional(),
});

/**
 * The test-only control API (loopback http). Shared routes live here; each service adds its
 * own under its name, e.g. `POST /entra/users/:upn/revoke`.
 *
 *   POST   /reset                 every service back to its seed, faults cleared, clock reset
 *   GET    /clock                 { now } in ms, emulator time
 *   POST   /clock/advance         { days?, seconds? }
 *   POST   /clock/reset           back to the machine's time (nothing else changes)
 *   GET    /faults                active faults
 *   POST   /faults                add one (see FaultSpec)
 *   DELETE /faults                clear all
 *   GET    /stats                 request counts per service, route, status (and grant type)
 *   DELETE /stats                 zero the counts
 */
export async function registerControlRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  services: EmulatorService[],
): Promise<void> {
  app.post('/reset', async () => {
    ctx.faults.clear();
    ctx.stats.reset();
    ctx.clock.reset();
    for (const s of services) await s.reset();
    return { ok: true };
  });
  app.get('/clock', async () => ({ now: ctx.clock.now() }));
  app.post('/clock/reset', async () => {
    ctx.clock.reset();
    return { now: ctx.clock.now() };
  });
  app.post('/clock/advance', async (req, reply) => {
    const parsed = advanceSchema.safeParse(req.body ?? {});
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid body', issues: parsed.error.issues });
    const ms = (parsed.data.days ?? 0) * 86_400_000 + (parsed.data.seconds ?? 0) * 1000;
    ctx.clock.advance(ms);
    return { now: ctx.clock.now() };
  });
  app.get('/faults', async () => ({ faults: ctx.faults.list() }));
  app.post('/faults', async (req, reply) => {
    const parsed = faultSchema.safeParse(req.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid fault', issues: parsed.error.issues });
    return { id: ctx.faults.add(parsed.data) };
  });
  app.delete('/faults', async () => {
    ctx.faults.clear();
    return { ok: true };
  });
  app.get('/stats', async () => ({ counts: ctx.stats.snapshot() }));
  app.delete('/stats', async () => {
    ctx.stats.reset();
    return { ok: true };
  });
  for (const s of services) {
    if (s.registerControl)
      await app.register(async (scoped) => s.registerControl!(scoped), { prefix: `/${s.name}` });
  }
}
