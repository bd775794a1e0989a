import type { FastifyReply } from 'fastify';
import { entraErrorBody, type EntraErrorSpec } from '../http/entra-error';
import { formPostPage } from '../pages/message-pages';
import type { ReplyTarget } from './parse-authorize';

/** Sends the result to the app's redirect URI in the requested response mode. */
export function replyToApp(
  reply: FastifyReply,
  target: ReplyTarget,
  params: Record<string, string>,
) {
  void reply.header('cache-control', 'no-store, no-cache').header('pragma', 'no-cache');
  if (target.responseMode === 'form_post') {
    return reply.type('text/html; charset=utf-8').send(formPostPage(target.redirectUri, params));
  }
  if (target.responseMode === 'fragment') {
    const base = target.redirectUri.split('#')[0]!;
    return reply.redirect(`${base}#${new URLSearchParams(params).toString()}`, 302);
  }
  const url = new URL(target.redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return reply.redirect(url.toString(), 302);
}

/** The error parameters Entra sends to the redirect URI: error, description with the AADSTS code, error_uri, state. */
export function errorParams(
  spec: EntraErrorSpec,
  opts: { now: number; authorityHost: string; state?: string; subcode?: string },
): Record<string, string> {
  const body = entraErrorBody(spec, { now: opts.now, authorityHost: opts.authorityHost });
  return {
    error: body.error,
    error_description: body.error_description,
    error_uri: body.error_uri,
    ...(opts.subcode ? { error_subcode: opts.subcode } : {}),
    ...(opts.state !== undefined ? { state: opts.state } : {}),
  };
}
