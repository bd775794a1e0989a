import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Directory } from '../directory/directory';
import {
  countAccessSeed,
  RELATIONSHIP_STATUSES,
  type SeedCustomerAccess,
} from '../seed/customer-access';
import { relationshipJson } from './relationship-json';
import type { GraphThrottle } from './throttle';

const limitsBody = z
  .object({
    relationshipsPerAppPer20s: z.number().int().min(1).max(10_000_000),
    relationshipsPerTenantPer20s: z.number().int().min(1).max(10_000_000),
    identityUnitsPer10s: z.number().int().min(1).max(10_000_000),
    identityAppUnitsPer20s: z.number().int().min(1).max(100_000_000),
  })
  .partial()
  .strict();

const relationshipBody = z
  .object({
    status: z.enum(RELATIONSHIP_STATUSES as [string, ...string[]]).optional(),
    endDateTime: z.string().datetime().optional(),
    autoExtendDuration: z.enum(['PT0S', 'P0D', 'P180D']).optional(),
  })
  .strict();

/**
 * Test-only routes under `/graph` on the control listener:
 *
 *   GET    /throttle                            the limits in force
 *   PUT    /throttle                            { relationshipsPerAppPer20s?, relationshipsPerTenantPer20s?,
 *                                                 identityUnitsPer10s?, identityAppUnitsPer20s? }
 *   PATCH  /relationships/:id                   { status?, endDateTime?, autoExtendDuration? }
 *   DELETE /customers/:tenantId/consents/:appId remove the app's service principal (and grants)
 *   GET    /summary                             per partner: the seed's counts by access state and consent
 */
export function registerGraphControl(
  app: FastifyInstance,
  directory: Directory,
  throttle: GraphThrottle,
): void {
  app.get('/throttle', async () => throttle.limits());
  app.put('/throttle', async (req, reply) => {
    const parsed = limitsBody.safeParse(req.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid body', issues: parsed.error.issues });
    throttle.setLimits(parsed.data);
    return throttle.limits();
  });

  app.patch<{ Params: { id: string } }>('/relationships/:id', async (req, reply) => {
    const parsed = relationshipBody.safeParse(req.body ?? {});
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid body', issues: parsed.error.issues });
    const { status, endDateTime, autoExtendDuration } = parsed.data;
    const updated = directory.delegatedAdmin.update(req.params.id, {
      ...(status ? { status: status as (typeof RELATIONSHIP_STATUSES)[number] } : {}),
      ...(endDateTime ? { endAt: Date.parse(endDateTime) } : {}),
      ...(autoExtendDuration ? { autoExtendDuration } : {}),
    });
    if (!updated)
      return reply.code(404).send({ error: 'relationship not found', id: req.params.id });
    return relationshipJson(updated);
  });

  app.delete<{ Params: { tenantId: string; appId: string } }>(
    '/customers/:tenantId/consents/:appId',
    async (req, reply) => {
      const removed = directory.removeCustomerConsent(req.params.tenantId, req.params.appId);
      if (!removed) return reply.code(404).send({ error: 'no such consent' });
      return { ok: true };
    },
  );

  app.get('/summary', async () => {
    const partners = directory.listTenants('partner').map((p) => {
      const seeds: SeedCustomerAccess[] = [];
      for (const c of directory.listTenants('customer')) {
        if (c.partnerTenantId !== p.id) continue;
        const s = directory.delegatedAdmin.seedOf(c.id);
        if (s) seeds.push(s);
      }
      return { tenantId: p.id, name: p.name, ...countAccessSeed(seeds) };
    });
    return { partners };
  });
}
