import { KEY_VAULT, MICROSOFT_GRAPH, PARTNER_CENTER } from './resource-apps';
import type { AppRegistration, Tenant } from './types';

/**
 * The deterministic seed: fixed GUIDs, names and credentials, so the manifest, the demo script
 * and the tests can name users and tenants without reading generated values. The credentials
 * are demo-only and published in the manifest on purpose.
 */

export const HOME_TENANT_ID = 'ae122bb9-dd78-4b02-97ac-bf8fb33e47cb';
export const PARTNER_A_TENANT_ID = '385ecd4d-9b53-42c5-afa6-4fd1d0685c2e';
export const PARTNER_B_TENANT_ID = '8a954e94-eed7-4377-a4a2-f87733d3a09a';
/** A partner tenant whose users may not consent to apps (only an admin, for everyone). */
export const PARTNER_CONSENT_OFF_TENANT_ID = '89fa9876-d806-4605-afac-de42b0ffc158';
export const PORTAL_CLIENT_ID = '01f0bb9e-d572-4a75-b606-61d4653d9b7c';
/** A second, single-tenant app in partner A; unit tests use it to prove codes and tokens are bound to their client. */
export const LOB_CLIENT_ID = 'cb2015b0-d3a7-4add-8e31-58c92049b297';

export function seedTenants(): Tenant[] {
  return [
    {
      id: HOME_TENANT_ID,
      name: 'Northwind Portal Host',
      domain: 'northwindportal.onmicrosoft.com',
      kind: 'home',
      users: [
        {
          oid: '43a3cb34-b93c-499e-bd90-4b624d371ae9',
          upn: 'olivia.operator@northwindportal.onmicrosoft.com',
          displayName: 'Olivia Operator',
          password: 'Northwind-Operator-2026!',
          mfa: 'totp',
          totpSecret: 'DS5ZICF4SDQOCSVGLTUM2QS5BXGRLZV7',
          directoryRoles: [],
          appRoles: ['Portal.Operator'],
        },
      ],
    },
    {
      id: PARTNER_A_TENANT_ID,
      name: 'Contoso Partners',
      domain: 'contosopartners.onmicrosoft.com',
      kind: 'partner',
      users: [
        {
          oid: '9cec40e1-8c0e-4dd0-b9a3-b8dc9bb26805',
          upn: 'adele.vance@contosopartners.onmicrosoft.com',
          displayName: 'Adele Vance',
          password: 'Contoso-Admin-2026!',
          mfa: 'totp',
          totpSecret: '3ORMTRWTDOER7ZS2IBWZFNF7EII7TTJA',
          directoryRoles: ['Global Administrator'],
          // v2 ID tokens carry no `wids` unless the app opts in, so the portal names admins by app role.
          appRoles: ['Portal.Admin'],
        },
        {
          oid: 'af004c7d-b754-41c9-a5b2-a08b364f5e98',
          upn: 'alex.wilber@contosopartners.onmicrosoft.com',
          displayName: 'Alex Wilber',
          password: 'Contoso-Staff-2026!',
          mfa: 'totp',
          totpSecret: 'OYTJKHMJAFAS4XJFJWUHI2K55CD7HP3M',
          directoryRoles: [],
          appRoles: ['Portal.Staff'],
          groups: ['HelpdeskAgents'],
        },
        {
          oid: '2d49c790-7f8f-4b4c-bcd3-6f74e204e482',
          upn: 'nestor.wilke@contosopartners.onmicrosoft.com',
          displayName: 'Nestor Wilke',
          password: 'Contoso-NoMfa-2026!',
          mfa: 'none',
          directoryRoles: [],
          appRoles: [],
        },
      ],
    },
    {
      id: PARTNER_B_TENANT_ID,
      name: 'Fabrikam Cloud Services',
      domain: 'fabrikamcloud.onmicrosoft.com',
      kind: 'partner',
      users: [
        {
          oid: '486e7146-eb2d-4d6c-90a8-c3d4060a6df0',
          upn: 'megan.bowen@fabrikamcloud.onmicrosoft.com',
          displayName: 'Megan Bowen',
          password: 'Fabrikam-Admin-2026!',
          mfa: 'approve',
          directoryRoles: ['Global Administrator'],
          // v2 ID tokens carry no `wids` unless the app opts in, so the portal names admins by app role.
          appRoles: ['Portal.Admin'],
          // Partner B's admin is in every GDAP group, Global Administrators included.
          groups: [
            'AdminAgents',
            'GDAP Directory Readers',
            'GDAP Application Administrators',
            'GDAP Helpdesk',
            'GDAP Security',
            'GDAP Service Administrators',
            'GDAP Global Administrators',
          ],
        },
        {
          oid: '6e54c424-1f8d-4987-9064-5daab31e8896',
          upn: 'lee.gu@fabrikamcloud.onmicrosoft.com',
          displayName: 'Lee Gu',
          password: 'Fabrikam-Staff-2026!',
          mfa: 'totp',
          totpSecret: 'YKZHGFDG4QI2HM5AJ3FK6DRM43DHU5B7',
          directoryRoles: [],
          appRoles: ['Portal.Staff'],
          groups: ['SalesAgents'],
        },
        {
          oid: 'feaf2680-3c22-4288-b4f8-cda57b98b820',
          upn: 'lynne.robbins@fabrikamcloud.onmicrosoft.com',
          displayName: 'Lynne Robbins',
          password: 'Fabrikam-NoMfa-2026!',
          mfa: 'none',
          directoryRoles: [],
          appRoles: [],
        },
      ],
    },
    {
      // Many partners turn user consent off. Its staff can sign in only once an admin has
      // consented for the whole organization to everything the sign-in asks for.
      id: PARTNER_CONSENT_OFF_TENANT_ID,
      name: 'Tailspin Partner Services',
      domain: 'tailspinpartners.onmicrosoft.com',
      kind: 'partner',
      userConsent: 'off',
      users: [
        {
          oid: 'c2cee95f-132f-4dd8-95cc-d5b7478e0e86',
          upn: 'diego.siciliani@tailspinpartners.onmicrosoft.com',
          displayName: 'Diego Siciliani',
          password: 'Tailspin-Admin-2026!',
          mfa: 'totp',
          totpSecret: 'US2MFPAJZCTIRMODKXNQRWYPTGTTR2ZF',
          directoryRoles: ['Global Administrator'],
          appRoles: ['Portal.Admin'],
        },
        {
          oid: 'c8db0286-bc37-4cf3-9571-f4329f18b5eb',
          upn: 'isaiah.langer@tailspinpartners.onmicrosoft.com',
          displayName: 'Isaiah Langer',
          password: 'Tailspin-Staff-2026!',
          mfa: 'totp',
          totpSecret: 'A6OSOADMCJHLMLXW2E3UXC2B3AAX4ZJQ',
          directoryRoles: [],
          appRoles: ['Portal.Staff'],
        },
        {
          oid: 'bc4758c5-2240-4c05-bc10-60b75d1d4228',
          upn: 'joni.sherman@tailspinpartners.onmicrosoft.com',
          displayName: 'Joni Sherman',
          password: 'Tailspin-NoMfa-2026!',
          mfa: 'none',
          directoryRoles: [],
          appRoles: [],
        },
      ],
    },
  ];
}

/** The portal's multi-tenant app registration, owned by the home tenant. */
export function seedPortalApp(portalUrl: string): AppRegistration {
  const origin = portalUrl.replace(/\/+$/, '');
  return {
    appId: PORTAL_CLIENT_ID,
    displayName: 'Partner Portal',
    homeTenantId: HOME_TENANT_ID,
    secrets: ['Ppe8Q~yNhf737kldV6wyfzILnGhkCAlHsRF3X-n3c'],
    redirectUris: [`${origin}/api/connect/callback`, `${origin}/api/auth/callback/entra`],
    logoutUris: [`${origin}/`],
    signInAudience: 'AzureADMultipleOrgs',
    identifierUris: [`api://${PORTAL_CLIENT_ID}`],
    exposedScopes: { access_as_user: 'Access the Partner Portal as you' },
    appRoles: [
      {
        id: 'b1159b5c-c83e-41b4-b40c-ef0f3eef2a80',
        value: 'Portal.Admin',
        displayName: 'Portal administrator',
      },
      {
        id: '9c2c87f0-0fab-4456-bffc-7093284665a1',
        value: 'Portal.Staff',
        displayName: 'Portal staff',
      },
      {
        id: 'd261cbe7-f0ee-49d0-b804-70fb5df41819',
        value: 'Portal.Operator',
        displayName: 'Portal operator',
      },
    ],
    requiredResourceAccess: [
      { resourceAppId: PARTNER_CENTER.appId, scopes: ['user_impersonation'] },
      { resourceAppId: KEY_VAULT.appId, scopes: ['user_impersonation'] },
      {
        resourceAppId: MICROSOFT_GRAPH.appId,
        // DelegatedAdminRelationship.Read.All: the access view lists GDAP relationships (issue 14).
        scopes: [
          'openid',
          'profile',
          'email',
          'offline_access',
          'User.Read',
          'DelegatedAdminRelationship.Read.All',
        ],
      },
    ],
    idTokenImplicitGrant: true,
    // The portal names partner admins by Global Administrator in `wids` (or Portal.Admin), so its
    // registration asks Entra to put directory roles in ID tokens (docs/deploy-azure.md).
    groupMembershipClaims: 'DirectoryRole',
  };
}

/** A single-tenant line-of-business app in partner A (not in the manifest). */
export function seedLobApp(): AppRegistration {
  return {
    appId: LOB_CLIENT_ID,
    displayName: 'Contoso Billing Sync',
    homeTenantId: PARTNER_A_TENANT_ID,
    secrets: ['Lob8Q~5x99wHPYXrp-yvmLO6QSqs2kvDrzPaBFLeY'],
    redirectUris: ['https://billing.contosopartners.example/signin'],
    logoutUris: [],
    signInAudience: 'AzureADMyOrg',
    identifierUris: [`api://${LOB_CLIENT_ID}`],
    exposedScopes: {},
    appRoles: [],
    requiredResourceAccess: [
      {
        resourceAppId: MICROSOFT_GRAPH.appId,
        scopes: ['openid', 'profile', 'offline_access', 'User.Read'],
      },
    ],
    idTokenImplicitGrant: false,
  };
}

/** Every app registration in the seed. */
export function seedRegistrations(portalUrl: string): AppRegistration[] {
  return [seedPortalApp(portalUrl), seedLobApp()];
}
