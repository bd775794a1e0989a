import type { EntraErrorSpec } from '../http/entra-error';

/** AADSTS errors that only /authorize and the sign-in pages produce. */
export const authorizeErrors = {
  redirectMismatch: (redirectUri: string, clientId: string): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 50011,
    message: `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
  }),
  notMultiTenant: (clientId: string): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 50194,
    message: `Application '${clientId}' is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.`,
  }),
  unsupportedResponseType: (value: string): EntraErrorSpec => ({
    error: 'unsupported_response_type',
    code: 70005,
    message: `response_type '${value}' is not enabled for the application.`,
  }),
  idTokenNotEnabled: (): EntraErrorSpec => ({
    error: 'unsupported_response_type',
    code: 700054,
    message: "response_type 'id_token' is not enabled for the application.",
  }),
  invalidResponseMode: (value: string): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 9002313,
    message: `Invalid request. Request is malformed or invalid. The response_mode '${value}' is not supported.`,
  }),
  queryWithIdToken: (): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 9002313,
    message:
      "Invalid request. Request is malformed or invalid. response_mode 'query' cannot be used when an id_token is requested.",
  }),
  unknownScope: (scope: string, clientId: string): EntraErrorSpec => ({
    error: 'invalid_client',
    code: 650053,
    message: `The application '${clientId}' asked for scope '${scope}' that doesn't exist on the resource. Contact the app vendor.`,
  }),
  invalidPrompt: (value: string): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 9002313,
    message: `Invalid request. Request is malformed or invalid. The prompt value '${value}' is not supported.`,
  }),
  invalidChallengeMethod: (): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 50149,
    message: 'Invalid Code_Challenge_method parameter.',
  }),
  invalidChallengeSize: (): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 501491,
    message: 'Invalid size of Code_Challenge parameter.',
  }),
  loginRequired: (): EntraErrorSpec => ({
    error: 'login_required',
    code: 50058,
    message: 'A silent sign-in request was sent but no user is signed in.',
  }),
  consentRequiredSilent: (clientId: string, appName: string): EntraErrorSpec => ({
    error: 'consent_required',
    code: 65001,
    message: `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
  }),
  userDeclined: (): EntraErrorSpec => ({
    error: 'access_denied',
    code: 65004,
    message: 'User declined to consent to access the app.',
  }),
  flowExpired: (): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 50089,
    message: 'Authentication failed due to flow token expired.',
  }),
  userNotFound: (): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 50034,
    message:
      "We couldn't find an account with that username. Make sure you typed it correctly, or use a different account.",
  }),
  wrongPassword: (): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 50126,
    message:
      "Your account or password is incorrect. If you don't remember your password, reset it now.",
  }),
  wrongOtp: (): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 500121,
    message:
      "Authentication failed during strong authentication request. You didn't enter the expected verification code.",
  }),
  adminRequired: (appName: string): EntraErrorSpec => ({
    error: 'access_denied',
    code: 90094,
    message: `Need admin approval. ${appName} needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.`,
  }),
};
