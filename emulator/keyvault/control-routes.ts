import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { VAULT_ROLES, type VaultRole } from './roles';
import type { VaultStore } from './store';

const roleBody = z.object({ role: z.enum(VAULT_ROLES as [VaultRole, ...VaultRole[]]) });

/**
 * Test-only routes under `/keyvault` on the control listener:
 *
 *   GET    /role-assignments                 { principalId: role }
 *   PUT    /role-assignments/:principalId    { role }   assign (replaces any role the principal had)
 *   DELETE /role-assignments/:principalId               remove every assignment of the principal
 */
export function registerKeyVaultControl(app: FastifyInstance, store: VaultStore): void {
  app.get('/role-assignments', async () => store.state.roleAssignments);

  app.put<{ Params: { principalId: string } }>(
    '/role-assignments/:principalId',
    async (req, reply) => {
      const parsed = roleBody.safeParse(req.body);
      if (!parsed.success)
        return reply.code(400).send({ error: 'invalid body', issues: parsed.error.issues });
      store.commit((draft) => {
        draft.roleAssignments[req.params.principalId] = parsed.data.role;
      });
      return { principalId: req.params.principalId, role: parsed.data.role };
    },
  );

  app.delete<{ Params: { principalId: string } }>('/role-assignments/:principalId', async (req) => {
    const had = req.params.principalId in store.state.roleAssignments;
    store.commit((draft) => {
      delete draft.roleAssignments[req.params.principalId];
    });
    return { principalId: req.params.principalId, removed: had };
  });
}
