import type { EntraDeps } from '../entra-deps';
import type { EntraErrorSpec } from '../http/entra-error';
import { requestedPermissions, missingConsent } from '../scopes/consent';
import { parseScopes } from '../scopes/parse-scopes';
import type { InteractionRecord } from '../state/types';
import { permissionsToConsent } from './permissions-to-consent';
import { authorizeErrors } from './authorize-errors';
import { issueCode } from './issue-code';

export type Step =
  | { page: 'login' | 'mfa' | 'consent' }
  | { done: Record<string, string> }
  | { pageError: EntraErrorSpec }
  | { appError: EntraErrorSpec; subcode?: string };

/**
 * Where a sign-in goes next: password, then MFA (when the user has a method), then consent
 * (when permissions are missing or prompt=consent), then the code. Admin-consent requests need
 * an admin and always show the consent page.
 */
export async function advance(deps: EntraDeps, id: string, i: InteractionRecord): Promise<Step> {
  const { directory } = deps;
  if (!i.userOid) return { page: 'login' };
  if (!i.amr) return { page: 'mfa' };
  const found = directory.findUserByOid(i.userOid);
  const app = directory.getApp(i.request.clientId);
  if (!found || !app) return { pageError: authorizeErrors.flowExpired() };
  const tenantId = found.tenant.id;

  if (i.kind !== 'authorize') {
    if (!directory.isConsentAdmin(found.user))
      return { pageError: authorizeErrors.adminRequired(app.displayName) };
    if (!i.consented) return { page: 'consent' };
    const params: Record<string, string> = { admin_consent: 'True', tenant: tenantId };
    if (i.kind === 'adminconsent-v2') params.scope = adminConsentScopes(deps, i);
    if (i.request.state !== undefined) params.state = i.request.state;
    delete deps.store.data.interactions[id];
    deps.store.save();
    return { done: params };
  }

  const parsed = parseScopes(directory, i.request.scopes.join(' '));
  if (!parsed.ok) return { pageError: authorizeErrors.flowExpired() };
  const missing = missingConsent(
    directory,
    tenantId,
    app.appId,
    found.user.oid,
    requestedPermissions(app, parsed.value),
  );
  if (!i.consented && (missing.size > 0 || i.request.prompt === 'consent')) {
    if (i.request.prompt === 'none')
      return { appError: authorizeErrors.consentRequiredSilent(app.appId, app.displayName) };
    // User consent off: only an admin sees a consent page; anyone else is stopped on Entra's
    // "Need admin approval" page, and the app hears nothing.
    if (!directory.mayConsent(found.tenant, found.user))
      return { pageError: authorizeErrors.adminRequired(app.displayName) };
    return { page: 'consent' };
  }
  return { done: await issueCode(deps, id, i, found.user, tenantId) };
}

function adminConsentScopes(deps: EntraDeps, i: InteractionRecord): string {
  const app = deps.directory.getApp(i.request.clientId)!;
  const lines: string[] = [];
  for (const [resourceAppId, perms] of permissionsToConsent(deps.directory, app, i)) {
    const r = deps.directory.resourceById(resourceAppId);
    const base = r?.identifierUris[0] ?? resourceAppId;
    for (const p of perms)
      lines.push(r?.appId === '00000003-0000-0000-c000-000000000000' ? p : `${base}/${p}`);
  }
  return lines.join(' ');
}
