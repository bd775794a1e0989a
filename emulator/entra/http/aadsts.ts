import type { EntraErrorSpec } from './entra-error';

/**
 * The AADSTS errors the emulator sends, with Entra's wording (reference-error-codes.md and
 * captured responses). One place, so a message is never reworded per call site.
 */
export const aadsts = {
  missingParameter: (name: string): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 900144,
    message: `The request body must contain the following parameter: '${name}'.`,
  }),
  malformedRequest: (): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 9002313,
    message: 'Invalid request. Request is malformed or invalid.',
  }),
  unsupportedGrantType: (grant: string): EntraErrorSpec => ({
    error: 'unsupported_grant_type',
    code: 70003,
    message: `The app requested an unsupported grant type '${grant}'.`,
  }),
  tenantNotFound: (tenant: string): EntraErrorSpec => ({
    error: 'invalid_tenant',
    code: 90002,
    message: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  }),
  appNotFound: (clientId: string, tenant: string): EntraErrorSpec => ({
    error: 'unauthorized_client',
    code: 700016,
    message: `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  }),
  missingClientSecret: (): EntraErrorSpec => ({
    error: 'invalid_client',
    code: 7000218,
    message:
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    status: 401,
  }),
  invalidClientSecret: (clientId: string): EntraErrorSpec => ({
    error: 'invalid_client',
    code: 7000215,
    message: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    status: 401,
  }),
  codeRedeemed: (): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 54005,
    message:
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  }),
  codeExpired: (issuedAt: string): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 70008,
    message: `The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource. The grant was issued on '${issuedAt}'.`,
  }),
  codeWrongTenant: (): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 700005,
    message: 'Provided Authorization Code is intended to use against other tenant, thus rejected.',
  }),
  grantWrongClient: (what: 'code' | 'refresh_token'): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 70000,
    message: `The provided value for the input parameter '${what}' is not valid. The credential was issued to a different client.`,
  }),
  redirectUriMismatch: (sent: string, original: string): EntraErrorSpec => ({
    // Entra pairs 500112 with invalid_client (captured responses), though no client auth failed.
    error: 'invalid_client',
    code: 500112,
    message: `The reply address '${sent}' does not match the reply address '${original}' provided when requesting Authorization code.`,
  }),
  pkceMismatch: (): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 501481,
    message:
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
  }),
  refreshInactive: (issuedAt: string, inactive: string): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 700082,
    message: `The refresh token has expired due to inactivity. The token was issued on ${issuedAt} and was inactive for ${inactive}.`,
  }),
  mfaRequired: (resource: string): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 50076,
    message: `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${resource}'.`,
    suberror: 'basic_action',
  }),
  refreshRevoked: (issuedAt: string, validFrom: string): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 50173,
    message: `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${issuedAt}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${validFrom}'.`,
  }),
  consentRequired: (clientId: string, appName: string): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 65001,
    suberror: 'consent_required',
    message: `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
  }),
  userNotInTenant: (upn: string, tenantName: string): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 50020,
    message: `User account '${upn}' from identity provider 'https://sts.windows.net/' does not exist in tenant '${tenantName}' and cannot access the application in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Microsoft Entra user account.`,
  }),
  /** A customer tenant's Conditional Access refuses the partner's token (gdap-and-app-consent.md §1.3). */
  blockedByConditionalAccess: (): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 53003,
    suberror: 'message_only',
    message:
      'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  }),
  delegatedAdminBlocked: (): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 530034,
    message:
      "Delegated admin access was blocked due to suspicious activity on the account in the partner's home tenant.",
  }),
  servicePrincipalDisabled: (resource: string): EntraErrorSpec => ({
    error: 'invalid_client',
    code: 500014,
    status: 400,
    message: `The service principal for resource '${resource}' is disabled. This indicate that a subscription within the tenant has lapsed, or that the administrator for this tenant has disabled the application, preventing tokens from being issued for it.`,
  }),
  partnerAppNotAuthorized: (clientId: string, tenant: string): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 90099,
    message: `The application '${clientId}' has not been authorized in the tenant '${tenant}'. Applications must be authorized to access the external tenant before partner delegated administrators can use them. Provide pre-consent or execute the appropriate Partner Center API to authorize the application.`,
  }),
  grantNotSupportedOverCommon: (grant: string): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 9001023,
    message: `The grant type '${grant}' is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.`,
  }),
  invalidScope: (scope: string): EntraErrorSpec => ({
    error: 'invalid_scope',
    code: 70011,
    message: `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' isn't valid. The scope ${scope} is not valid.`,
  }),
  scopeNotDefault: (scope: string): EntraErrorSpec => ({
    error: 'invalid_scope',
    code: 1002012,
    message: `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
  }),
  multipleResources: (): EntraErrorSpec => ({
    error: 'invalid_scope',
    code: 28000,
    message:
      'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope is not valid.',
  }),
  resourceNotFound: (resource: string, tenant: string): EntraErrorSpec => ({
    error: 'invalid_resource',
    code: 500011,
    message: `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  }),
  invalidRefreshToken: (): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 9002313,
    message: 'Invalid request. Request is malformed or invalid.',
  }),
  invalidCode: (): EntraErrorSpec => ({
    error: 'invalid_grant',
    code: 9002313,
    message: 'Invalid request. Request is malformed or invalid.',
  }),
};
