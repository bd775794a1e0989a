import type { FastifyInstance } from 'fastify';
import type { EntraDeps } from '../entra-deps';
import { entraErrorBody } from '../http/entra-error';
import { consentPage, type PermissionLine } from '../pages/consent-page';
import type { InteractionRecord } from '../state/types';
import { authorizeErrors } from './authorize-errors';
import { loadInteraction } from './load-interaction';
import { failToApp, performStep, sendErrorPage } from './perform-step';
import { permissionsToConsent } from './permissions-to-consent';
import { replyToApp } from './reply-to-app';

type Body = { ctx?: unknown; accept?: unknown; consent_org?: unknown };

/**
 * The consent page. Accepting records a grant for the user, or tenant-wide when an admin ticks
 * "on behalf of your organization" (admin-consent requests are always tenant-wide); the app's
 * service principal appears in the tenant with the first grant. Cancel tells the app
 * access_denied / AADSTS65004.
 */
export function registerConsentRoutes(app: FastifyInstance, deps: EntraDeps): void {
  const ready = (id: unknown) => {
    const i = loadInteraction(deps, id);
    if (!i?.amr || !i.userOid) return undefined;
    const who = deps.directory.findUserByOid(i.userOid);
    const client = deps.directory.getApp(i.request.clientId);
    return who && client ? { i, who, client } : undefined;
  };

  app.get<{ Querystring: { ctx?: string } }>('/:tenant/consent', (req, reply) => {
    const r = ready(req.query.ctx);
    if (!r) return sendErrorPage(deps, reply, authorizeErrors.flowExpired());
    const lines: PermissionLine[] = [];
    for (const [resourceAppId, perms] of permissionsToConsent(deps.directory, r.client, r.i)) {
      const resource = deps.directory.resourceById(resourceAppId);
      for (const p of perms)
        lines.push({
          resource: resource?.displayName ?? resourceAppId,
          description: resource?.scopes[p] ?? p,
        });
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        consentPage({
          action: `/${r.i.tenantPath}/consent`,
          ctx: req.query.ctx!,
          appName: r.client.displayName,
          upn: r.who.user.upn,
          permissions: lines,
          offerOrgConsent: r.i.kind === 'authorize' && deps.directory.isConsentAdmin(r.who.user),
          adminConsent: r.i.kind !== 'authorize',
        }),
      );
  });

  app.post<{ Body: Body }>('/:tenant/consent', (req, reply) => {
    const id = req.body?.ctx;
    const r = ready(id);
    if (!r || typeof id !== 'string')
      return sendErrorPage(deps, reply, authorizeErrors.flowExpired());
    if (req.body?.accept !== 'yes') return decline(deps, reply, id, r.i);
    // A consent posted by someone the tenant does not let consent (the page was never offered).
    if (!deps.directory.mayConsent(r.who.tenant, r.who.user))
      return sendErrorPage(deps, reply, authorizeErrors.adminRequired(r.client.displayName));
    const orgWide =
      r.i.kind !== 'authorize' ||
      (req.body?.consent_org === 'on' && deps.directory.isConsentAdmin(r.who.user));
    const perms = permissionsToConsent(deps.directory, r.client, r.i);
    deps.directory.grantConsent(
      r.who.tenant.id,
      r.client.appId,
      orgWide ? undefined : r.who.user.oid,
      perms,
      deps.ctx.clock.now(),
    );
    r.i.consented = true;
    return performStep(deps, reply, id, r.i);
  });
}

/** Declining, in each flow's own words (v1 admin consent, v2 admin consent, sign-in). */
function decline(
  deps: EntraDeps,
  reply: Parameters<typeof replyToApp>[0],
  id: string,
  i: InteractionRecord,
) {
  if (i.kind === 'authorize')
    return failToApp(deps, reply, id, i, authorizeErrors.userDeclined(), 'cancel');
  delete deps.store.data.interactions[id];
  deps.store.save();
  const target = { redirectUri: i.request.redirectUri, responseMode: 'query' as const };
  const state: Record<string, string> =
    i.request.state !== undefined ? { state: i.request.state } : {};
  if (i.kind === 'adminconsent-v1') {
    return replyToApp(reply, target, {
      error: 'permission_denied',
      error_description: 'The admin canceled the request',
      ...state,
    });
  }
  const body = entraErrorBody(authorizeErrors.userDeclined(), {
    now: deps.ctx.clock.now(),
    authorityHost: deps.ctx.urls.entra,
  });
  return replyToApp(reply, target, {
    admin_consent: 'True',
    error: 'consent_required',
    error_description: body.error_description,
    ...state,
  });
}
