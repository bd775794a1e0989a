import '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DirectoryUser } from '../../directory/directory';
import type { EntraDeps } from '../entra-deps';
import { hashSecret, newId, randomUUID } from '../state/secrets';
import type { SessionRecord } from '../state/types';

/** Entra's session cookie name; it gives SSO to later /authorize requests in the same browser. */
export const SESSION_COOKIE = 'ESTSAUTH';

export interface ActiveSession {
  record: SessionRecord;
  user: DirectoryUser;
}

/** The browser's sign-in session, if it is still good: known, user present, not revoked since. */
export function readSession(deps: EntraDeps, req: FastifyRequest): ActiveSession | undefined {
  const value = req.cookies[SESSION_COOKIE];
  if (!value) return undefined;
  const record = deps.store.data.sessions[hashSecret(value)];
  if (!record) return undefined;
  const found = deps.directory.findUserByOid(record.userOid);
  if (!found) return undefined;
  const validFrom = deps.directory.tokensValidFrom(record.userOid);
  if (validFrom !== undefined && record.authTime < validFrom) return undefined;
  return { record, user: found.user };
}

/** Records a new session and sets its cookie; the caller saves the store. */
export function startSession(
  deps: EntraDeps,
  reply: FastifyReply,
  s: Omit<SessionRecord, 'sid'>,
): SessionRecord {
  const value = newId();
  const record: SessionRecord = { sid: randomUUID(), ...s };
  deps.store.data.sessions[hashSecret(value)] = record;
  void reply.setCookie(SESSION_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax' });
  return record;
}

/** Signs the browser out: forgets the session and clears the cookie. Returns whether state changed. */
export function endSession(deps: EntraDeps, req: FastifyRequest, reply: FastifyReply): boolean {
  const value = req.cookies[SESSION_COOKIE];
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  if (!value) return false;
  const key = hashSecret(value);
  if (!deps.store.data.sessions[key]) return false;
  delete deps.store.data.sessions[key];
  return true;
}
