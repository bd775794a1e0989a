/**
 * Directory role names → role template ids, which tokens carry as `wids`. The ids are Entra's
 * real template ids, so product code that checks them works unchanged against real tenants.
 */
export const DIRECTORY_ROLE_TEMPLATES: Record<string, string> = {
  'Global Administrator': '62e90394-69f5-4237-9190-012177145e10',
  'Privileged Role Administrator': 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  'Cloud Application Administrator': '158c047a-c907-4556-b7ef-446551a6b5f7',
  'Application Administrator': '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  'User Administrator': 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  'Global Reader': 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
};

/** Every member user holds the "User" role template; Entra lists it in `wids` too. */
export const MEMBER_USER_ROLE_TEMPLATE = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

/** Roles that may grant tenant-wide consent to delegated permissions. */
const CONSENT_ADMIN_ROLES = new Set([
  'Global Administrator',
  'Privileged Role Administrator',
  'Cloud Application Administrator',
  'Application Administrator',
]);

export function wids(directoryRoles: string[]): string[] {
  const ids = directoryRoles
    .map((r) => DIRECTORY_ROLE_TEMPLATES[r])
    .filter((id): id is string => !!id);
  return [...ids, MEMBER_USER_ROLE_TEMPLATE];
}

export function canGrantTenantWideConsent(directoryRoles: string[]): boolean {
  return directoryRoles.some((r) => CONSENT_ADMIN_ROLES.has(r));
}
