import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PARTNER_GROUP_NAMES } from '../../directory/partner-groups';
import type { EntraDeps } from '../entra-deps';

const mfaBody = z.object({ mfa: z.enum(['none', 'totp', 'approve']) });
const groupsBody = z.object({ groups: z.array(z.enum(PARTNER_GROUP_NAMES)).max(20) }).strict();
const blockBody = z
  .object({
    code: z.union([z.enum(['53003', '530034', '500014', '90099']).transform(Number), z.null()]),
  })
  .strict();

/**
 * Test-only Entra controls, mounted under `/entra` on the control listener:
 *   POST /users/:upn/revoke   revoke all refresh tokens and sessions (next redemption: AADSTS50173)
 *   POST /users/:upn/mfa      { mfa: "none" | "totp" | "approve" } switch the user's MFA method
 *   PUT  /users/:upn/groups   { groups: [...] } set the user's partner security groups (e.g. drop "AdminAgents")
 *   PUT  /tenants/:id/delegated-token-block  { code: "53003" | "530034" | "500014" | "90099" | null }
 *                             make a customer tenant refuse (or stop refusing) partner tokens with that AADSTS
 *   GET  /state               record counts and a digest of the persisted state (tests prove "no change")
 */
export function registerEntraControlRoutes(app: FastifyInstance, deps: EntraDeps): void {
  app.post<{ Params: { upn: string } }>('/users/:upn/revoke', async (req, reply) => {
    const who = deps.directory.findUser(req.params.upn);
    if (!who) return reply.code(404).send({ error: 'user not found', upn: req.params.upn });
    deps.directory.revokeSessions(who.user.oid, deps.ctx.clock.now());
    return { ok: true, upn: who.user.upn, tokensValidFrom: deps.ctx.clock.now() };
  });

  app.post<{ Params: { upn: string } }>('/users/:upn/mfa', async (req, reply) => {
    const who = deps.directory.findUser(req.params.upn);
    if (!who) return reply.code(404).send({ error: 'user not found', upn: req.params.upn });
    const parsed = mfaBody.safeParse(req.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid body', issues: parsed.error.issues });
    if (parsed.data.mfa === 'totp' && !who.user.totpSecret)
      return reply.code(400).send({ error: 'user has no TOTP secret' });
    deps.directory.setMfa(who.user.oid, parsed.data.mfa);
    return { ok: true, upn: who.user.upn, mfa: parsed.data.mfa };
  });

  app.put<{ Params: { upn: string } }>('/users/:upn/groups', async (req, reply) => {
    const who = deps.directory.findUser(req.params.upn);
    if (!who) return reply.code(404).send({ error: 'user not found', upn: req.params.upn });
    const parsed = groupsBody.safeParse(req.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid body', issues: parsed.error.issues });
    deps.directory.setGroups(who.user.oid, parsed.data.groups);
    return { ok: true, upn: who.user.upn, groups: deps.directory.groupNamesOf(who.user) };
  });

  app.put<{ Params: { id: string } }>('/tenants/:id/delegated-token-block', async (req, reply) => {
    const tenant = deps.directory.getTenant(req.params.id);
    if (!tenant || tenant.kind !== 'customer')
      return reply.code(404).send({ error: 'customer tenant not found', id: req.params.id });
    const parsed = blockBody.safeParse(req.body);
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid body', issues: parsed.error.issues });
    deps.directory.setDelegatedTokenBlock(tenant.id, parsed.data.code);
    return { ok: true, tenantId: tenant.id, code: parsed.data.code };
  });

  app.get('/state', async () => {
    const d = deps.store.data;
    return {
      digest: createHash('sha256').update(JSON.stringify(d)).digest('hex'),
      codes: Object.keys(d.codes).length,
      refreshTokens: Object.keys(d.refreshTokens).length,
      sessions: Object.keys(d.sessions).length,
      interactions: Object.keys(d.interactions).length,
      grants: d.directory.grants.length,
      servicePrincipals: d.directory.servicePrincipals.length,
    };
  });
}
