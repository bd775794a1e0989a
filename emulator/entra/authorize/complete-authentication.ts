import type { FastifyReply } from 'fastify';
import type { UserInTenant } from '../../directory/directory';
import type { EntraDeps } from '../entra-deps';
import type { InteractionRecord } from '../state/types';
import { performStep } from './perform-step';
import { startSession } from './session';

/**
 * The user is who they say: start the SSO session and record how they proved it. `amr` holds
 * `mfa` only when a second factor was really passed in this sign-in.
 */
export function completeAuthentication(
  deps: EntraDeps,
  reply: FastifyReply,
  id: string,
  i: InteractionRecord,
  who: UserInTenant,
  amr: string[],
) {
  const authTime = deps.ctx.clock.now();
  const session = startSession(deps, reply, {
    userOid: who.user.oid,
    tenantId: who.tenant.id,
    amr,
    authTime,
  });
  Object.assign(i, { userOid: who.user.oid, amr, authTime, sid: session.sid });
  deps.store.save();
  return performStep(deps, reply, id, i);
}
