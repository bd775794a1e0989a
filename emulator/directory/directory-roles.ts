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
  'Directory Readers': '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  'Directory Writers': '9360feb5-f418-4baa-8175-e2a00bac4301',
  'Helpdesk Administrator': '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  'Password Administrator': '966707d0-3269-4727-9be2-8c3a10f19b9d',
  'Authentication Administrator': 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
  'Privileged Authentication Administrator': '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  'Security Administrator': '194ae4cb-b126-40b2-bd5b-6091b380977d',
  'Security Reader': '5d6b6bb7-de71-4623-b4af-96380a352509',
  'Conditional Access Administrator': 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
  'Authentication Policy Administrator': '0526716b-113d-4c15-b2c8-68e3c22b9f80',
  'Exchange Administrator': '29232cdf-9323-42fd-ade2-1d097af3e4de',
  'SharePoint Administrator': 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
  'Teams Administrator': '69091246-20e8-4a56-aa4d-066075b2a7a8',
  'Intune Administrator': '3a2c62db-5318-420d-8d74-23affee5d9d5',
  'Cloud Device Administrator': '7698a772-787b-4ac8-901f-60d6b08affd2',
  'Cloud App Security Administrator': '892c5842-a9a6-463a-8041-72aa08ca3cf6',
  'Billing Administrator': 'b0f54661-2d74-4c50-afa3-1ec803f12efe',
  'License Administrator': '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
  'Groups Administrator': 'fdd7a751-b60b-444a-984c-02652fe8fa1c',
  'Service Support Administrator': 'f023fd81-a637-4b56-95fd-791ac0226033',
  'Reports Reader': '4a5d8f65-41da-4de4-8968-e035b65339cf',
};

/** Role template id → name (GDAP relationships and access assignments carry ids only). */
export const ROLE_NAME_BY_ID: Record<string, string> = Object.fromEntries(
  Object.entries(DIRECTORY_ROLE_TEMPLATES).map(([name, id]) => [id, name]),
);

export const GLOBAL_ADMINISTRATOR_ROLE_ID = '62e90394-69f5-4237-9190-012177145e10';

/** Roles that may call Partner Center's applicationconsents for a customer (gdap-and-secure-application-model.md). */
export const APP_CONSENT_ROLE_IDS = new Set(
  ['Global Administrator', 'Application Administrator', 'Cloud Application Administrator'].map(
    (r) => DIRECTORY_ROLE_TEMPLATES[r]!,
  ),
);

/**
 * Roles whose holders may read service principals and permission grants in a tenant they reach
 * through GDAP (a foreign principal has no default member permissions there).
 */
export const READ_APPLICATIONS_ROLE_IDS = new Set(
  [
    'Global Administrator',
    'Global Reader',
    'Directory Readers',
    'Directory Writers',
    'Application Administrator',
    'Cloud Application Administrator',
    'Privileged Role Administrator',
    'Security Administrator',
    'Security Reader',
  ].map((r) => DIRECTORY_ROLE_TEMPLATES[r]!),
);

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
