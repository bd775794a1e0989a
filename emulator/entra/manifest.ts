import type { Manifest } from '../core/manifest';
import type { EntraDeps } from './entra-deps';

/**
 * Entra's part of the manifest: hosts, the portal app registration, and the seeded home and
 * partner tenants with their demo credentials. Customer tenants (thousands, from the Partner
 * Center seed, no users) are left out to keep the file small.
 */
export function buildEntraManifest({
  ctx,
  directory,
  portalCertificatePath,
}: EntraDeps): Partial<Manifest> {
  const app = directory.portalApp;
  // The `--partners` fleet is described in its own, shorter section (core/start.ts).
  const fleetIds = new Set(ctx.fleet?.tenants.map((t) => t.id));
  return {
    entra: { authorityHost: ctx.urls.entra, browserHost: ctx.urls.entraBrowser },
    portalApp: {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      tenantId: app.homeTenantId,
      redirectUris: [...app.redirectUris],
      ...(portalCertificatePath ? { certificatePath: portalCertificatePath } : {}),
    },
    tenants: directory
      .listTenants()
      .filter((t) => t.kind !== 'customer' && !fleetIds.has(t.id))
      .map((t) => ({
        id: t.id,
        name: t.name,
        domain: t.domain,
        kind: t.kind,
        userConsent: t.userConsent ?? 'allowed',
        users: t.users.map((u) => ({
          upn: u.upn,
          oid: u.oid,
          password: u.password,
          mfa: u.mfa,
          ...(u.totpSecret ? { totpSecret: u.totpSecret } : {}),
          appRoles: [...u.appRoles],
          directoryRoles: [...u.directoryRoles],
        })),
      })),
  };
}
