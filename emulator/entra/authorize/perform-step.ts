import type { FastifyReply } from 'fastify';
import type { EntraDeps } from '../entra-deps';
import { entraTimestamp, type EntraErrorSpec } from '../http/entra-error';
import { errorPage } from '../pages/message-pages';
import { newId, randomUUID } from '../state/secrets';
import type { InteractionRecord } from '../state/types';
import { advance } from './advance';
import { errorParams, replyToApp } from './reply-to-app';
import type { ActiveSession } from './session';

/**
 * Starts a sign-in: joins the browser's Entra session when one fits the request (SSO), stores
 * the interaction, and takes its first step.
 */
export function beginInteraction(
  deps: EntraDeps,
  reply: FastifyReply,
  i: InteractionRecord,
  session: ActiveSession | undefined,
) {
  if (session) {
    Object.assign(i, {
      userOid: session.record.userOid,
      amr: session.record.amr,
      authTime: session.record.authTime,
      sid: session.record.sid,
    });
  }
  const id = newId();
  deps.store.data.interactions[id] = i;
  deps.store.save();
  return performStep(deps, reply, id, i);
}

/** Moves the sign-in on and answers the browser: the next page, the app's redirect, or an error page. */
export async function performStep(
  deps: EntraDeps,
  reply: FastifyReply,
  id: string,
  i: InteractionRecord,
) {
  const step = await advance(deps, id, i);
  const target = {
    redirectUri: i.request.redirectUri,
    responseMode: i.request.responseMode,
    state: i.request.state,
  };
  if ('page' in step)
    return reply.redirect(
      `/${encodeURIComponent(i.tenantPath)}/${step.page}?ctx=${encodeURIComponent(id)}`,
      302,
    );
  if ('done' in step) return replyToApp(reply, target, step.done);
  if ('pageError' in step) return sendErrorPage(deps, reply, step.pageError);
  return failToApp(deps, reply, id, i, step.appError, step.subcode);
}

/** Ends the sign-in with an error the app receives (access_denied, consent_required, ...). */
export function failToApp(
  deps: EntraDeps,
  reply: FastifyReply,
  id: string,
  i: InteractionRecord,
  spec: EntraErrorSpec,
  subcode?: string,
) {
  delete deps.store.data.interactions[id];
  deps.store.save();
  const target = {
    redirectUri: i.request.redirectUri,
    responseMode: i.request.responseMode,
    state: i.request.state,
  };
  return replyToApp(
    reply,
    target,
    errorParams(spec, {
      now: deps.ctx.clock.now(),
      authorityHost: deps.ctx.urls.entra,
      state: i.request.state,
      subcode,
    }),
  );
}

export function sendErrorPage(deps: EntraDeps, reply: FastifyReply, spec: EntraErrorSpec) {
  return reply
    .code(400)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(errorPage(spec, randomUUID(), entraTimestamp(deps.ctx.clock.now())));
}
