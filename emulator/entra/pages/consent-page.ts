import { esc, layout, type Html } from './layout';

export interface PermissionLine {
  resource: string;
  description: string;
}

/**
 * "Permissions requested": the app, the signed-in user, each permission, and for admins the
 * "Consent on behalf of your organization" box (admin-consent requests always grant org-wide).
 */
export function consentPage(p: {
  action: string;
  ctx: string;
  appName: string;
  upn: string;
  permissions: PermissionLine[];
  offerOrgConsent: boolean;
  adminConsent: boolean;
}): Html {
  const perms = p.permissions
    .map((x) => `<li>${esc(x.description)} <span class="code">(${esc(x.resource)})</span></li>`)
    .join('');
  const org = p.offerOrgConsent
    ? `<div class="checkbox"><input type="checkbox" id="consent_org" name="consent_org" value="on"><label for="consent_org">Consent on behalf of your organization</label></div>`
    : '';
  const note = p.adminConsent
    ? '<p>Accepting grants these permissions to every user in your organization.</p>'
    : '';
  return layout(
    'Permissions requested',
    `<h1>Permissions requested</h1><p><strong>${esc(p.appName)}</strong> wants to, for ${esc(p.upn)}:</p>
<ul class="perms" aria-label="Requested permissions">${perms}</ul>${note}
<form method="post" action="${esc(p.action)}"><input type="hidden" name="ctx" value="${esc(p.ctx)}">${org}
<button type="submit" name="accept" value="no" class="secondary">Cancel</button><button type="submit" name="accept" value="yes">Accept</button>
</form>`,
  );
}
