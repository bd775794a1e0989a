import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EntraDeps } from '../entra-deps';

const mfaBody = z.object({ mfa: z.enum(['none', 'totp', 'approve']) });

/**
 * Test-only Entra controls, mounted under `/entra` on the control listener:
 *   POST /users/:upn/revoke   revoke all refresh tokens and sessions (next redemption: AADSTS50173)
 *   POST /users/:upn/mfa      { mfa: "none" | "totp" | "approve" } switch the user's MFA method
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
