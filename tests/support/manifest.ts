import { readFileSync } from 'node:fs';
import { toTenantId, type TenantId } from '@/lib/ids/tenant-id';
import type { Manifest } from '../../emulator/core/manifest';

export type { Manifest };

/** The running local cloud's manifest (scripts/with-emulator.ts sets EMULATOR_MANIFEST). */
export function loadManifest(): Manifest {
  const path = process.env.EMULATOR_MANIFEST;
  if (!path)
    throw new Error('EMULATOR_MANIFEST is not set; start tests through scripts/with-emulator.ts');
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

type ManifestUser = Manifest['tenants'][number]['users'][number];

/** The seeded tenants by role, so tests don't depend on generated ids or names. */
export function seededTenants(m: Manifest = loadManifest()) {
  const home = m.tenants.find((t) => t.kind === 'home');
  // Partners A and B let users consent (the default); the tenant with user consent off is apart.
  const partners = m.tenants.filter((t) => t.kind === 'partner' && t.userConsent !== 'off');
  if (!home || partners.length < 2)
    throw new Error('manifest lacks the seeded home tenant and two partner tenants');
  // Ids as the portal's lib/ takes them: parsed once, here, where they enter the tests.
  const parsed = (t: Manifest['tenants'][number]) => ({ ...t, id: toTenantId(t.id) as TenantId });
  return { home: parsed(home), partnerA: parsed(partners[0]!), partnerB: parsed(partners[1]!) };
}

/** The seeded partner tenant whose users may not consent to apps (only an admin, for everyone). */
export function consentOffTenant(m: Manifest = loadManifest()) {
  const t = m.tenants.find((x) => x.kind === 'partner' && x.userConsent === 'off');
  if (!t) throw new Error('manifest lacks the seeded partner tenant with user consent off');
  return t;
}

/** A seeded user of a tenant: the admin (Global Administrator with MFA), staff (MFA) or the user without MFA. */
export function seededUser(
  tenant: Manifest['tenants'][number],
  role: 'admin' | 'staff' | 'nomfa' | 'operator',
): ManifestUser {
  const pick: Record<typeof role, (u: ManifestUser) => boolean> = {
    admin: (u) => u.directoryRoles.includes('Global Administrator') && u.mfa !== 'none',
    staff: (u) =>
      !u.directoryRoles.includes('Global Administrator') &&
      u.mfa !== 'none' &&
      !u.appRoles.includes('Portal.Operator'),
    nomfa: (u) => u.mfa === 'none',
    operator: (u) => u.appRoles.includes('Portal.Operator'),
  };
  const user = tenant.users.find(pick[role]);
  if (!user) throw new Error(`tenant ${tenant.domain} has no seeded ${role} user`);
  return user;
}
