import type { ResourceApp } from './types';

/** Partner Center API: v1 tokens, audience https://api.partnercenter.microsoft.com. */
export const PARTNER_CENTER: ResourceApp = {
  appId: 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd',
  displayName: 'Microsoft Partner Center',
  identifierUris: ['https://api.partnercenter.microsoft.com'],
  scopes: { user_impersonation: 'Access Partner Center as you' },
  tokenVersion: 1,
  firstParty: true,
};

/** Azure Key Vault: v1 tokens, audience https://vault.azure.net. */
export const KEY_VAULT: ResourceApp = {
  appId: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093',
  displayName: 'Azure Key Vault',
  identifierUris: ['https://vault.azure.net'],
  scopes: { user_impersonation: 'Have full access to the Azure Key Vault service' },
  tokenVersion: 1,
  firstParty: true,
};

/**
 * Microsoft Graph. The OIDC scopes (openid, profile, email, offline_access) are Graph
 * permissions, so a request with only those yields a Graph access token, as in Entra.
 */
export const MICROSOFT_GRAPH: ResourceApp = {
  appId: '00000003-0000-0000-c000-000000000000',
  displayName: 'Microsoft Graph',
  identifierUris: ['https://graph.microsoft.com'],
  scopes: {
    openid: 'Sign you in',
    profile: 'View your basic profile',
    email: 'View your email address',
    offline_access: 'Maintain access to data you have given it access to',
    'User.Read': 'Sign in and read your profile',
    'User.Read.All': "Read all users' full profiles",
    'Directory.Read.All': 'Read directory data',
    'Application.Read.All': 'Read applications',
    'DelegatedPermissionGrant.Read.All': 'Read delegated permission grants',
    'DelegatedAdminRelationship.Read.All': 'Read Delegated Admin relationships with customers',
    'DelegatedAdminRelationship.ReadWrite.All':
      'Manage Delegated Admin relationships with customers',
  },
  tokenVersion: 1,
  firstParty: true,
};

export const FIRST_PARTY_RESOURCES: ResourceApp[] = [PARTNER_CENTER, KEY_VAULT, MICROSOFT_GRAPH];

/** Scopes that ask for OIDC artefacts rather than API access. */
export const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);
