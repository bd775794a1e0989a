import type { TenantPath } from '../http/tenant-path';
import { canonicalSegment } from '../http/tenant-path';

interface Hosts {
  /** https origin of the back channel; the issuer lives here so MSAL's issuer check passes. */
  authority: string;
  /** http origin of the pages a browser visits. */
  browser: string;
}

const CLAIMS_SUPPORTED = [
  'sub',
  'iss',
  'cloud_instance_name',
  'cloud_instance_host_name',
  'cloud_graph_host_name',
  'msgraph_host',
  'aud',
  'exp',
  'iat',
  'auth_time',
  'acr',
  'nonce',
  'preferred_username',
  'name',
  'tid',
  'ver',
  'at_hash',
  'c_hash',
  'email',
];

/**
 * The v2 OpenID configuration as Entra serves it. For `common`/`organizations` only the issuer
 * is templated (`{tenantid}`); endpoint URLs keep the path tenant. Tenant documents carry the
 * GUID everywhere. Interactive endpoints point at the browser origin (plain http on localhost,
 * so no certificate warning); issuer, token and keys stay on the https authority.
 */
export function v2Configuration(path: TenantPath, hosts: Hosts) {
  const seg = canonicalSegment(path);
  const issuerTenant = path.kind === 'multi' ? '{tenantid}' : path.tenant.id;
  return {
    token_endpoint: `${hosts.authority}/${seg}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: [
      'client_secret_post',
      'private_key_jwt',
      'client_secret_basic',
    ],
    jwks_uri: `${hosts.authority}/${seg}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${hosts.authority}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${hosts.authority}/oidc/userinfo`,
    authorization_endpoint: `${hosts.browser}/${seg}/oauth2/v2.0/authorize`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${hosts.browser}/${seg}/oauth2/v2.0/logout`,
    claims_supported: CLAIMS_SUPPORTED,
    tenant_region_scope: path.kind === 'multi' ? null : 'WW',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

/**
 * The v1 document, used to validate `ver:"1.0"` access tokens (Key Vault, Partner Center):
 * issuer `https://sts.windows.net/<tid>/`, keys at `/discovery/keys`. The emulator implements
 * only the v2 protocol endpoints, so the v1 document names those for authorize/token/logout.
 */
export function v1Configuration(path: TenantPath, hosts: Hosts) {
  const v2 = v2Configuration(path, hosts);
  const seg = canonicalSegment(path);
  const issuerTenant = path.kind === 'multi' ? '{tenantid}' : path.tenant.id;
  return {
    ...v2,
    jwks_uri: `${hosts.authority}/${seg}/discovery/keys`,
    issuer: `https://sts.windows.net/${issuerTenant}/`,
    scopes_supported: ['openid'],
  };
}
