import type { EntraErrorSpec } from './entra-error';

/**
 * The AADSTS errors of certificate client authentication (`client_assertion`), worded as Entra
 * words them in captured responses (Azure SDK troubleshooting guides, MSAL test fixtures and
 * issue reports). All are `invalid_client`, sent with HTTP 401 like the secret errors.
 */
const DOCS =
  'Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .';

const graphHint = (appId: string) =>
  `Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${appId}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL, such as 'https://graph.microsoft.com/beta/applications/${appId}'`;

const invalidClient = (code: number, message: string): EntraErrorSpec => ({
  error: 'invalid_client',
  code,
  message,
  status: 401,
});

/** `Start=06/29/2021 21:13:15`: the key-validity format in 700027 messages (UTC). */
function keyDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** `2024-10-02T22:05:03.6750000Z`: .NET's round-trip format, seven fractional digits. */
function roundTrip(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

export interface FoundKey {
  startDateTime: number;
  endDateTime: number;
}

export const assertionErrors = {
  malformed: () => invalidClient(50027, 'JWT token is invalid or malformed.'),
  noThumbprint: () =>
    invalidClient(50027, 'Invalid JWT token. No certificate thumbprint specified in token header.'),
  subjectMismatchesIssuer: () =>
    invalidClient(50048, 'Subject mismatches Issuer claim in the client assertion.'),
  wrongClient: () =>
    invalidClient(
      700021,
      `Client assertion application identifier doesn't match 'client_id' parameter. ${DOCS}`,
    ),
  wrongAudience: () =>
    invalidClient(700023, `Client assertion audience claim does not match Realm issuer. ${DOCS}`),
  outsideTimeRange: (now: number, validFrom: number, expires: number) =>
    invalidClient(
      700024,
      `Client assertion is not within its valid time range. Current time: ${roundTrip(now)}, assertion valid from ${roundTrip(validFrom)}, expiry time of assertion ${roundTrip(expires)}. ${DOCS}`,
    ),
  keyNotFound: (thumbprint: string, appId: string) =>
    invalidClient(
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', ${graphHint(appId)}]. Alternatively, SNI may be configured on the app. Please ensure that client assertion is being sent with the x5c claim in the JWT header using MSAL's WithSendX5C() method so that Azure Active Directory can validate the certificate being used.`,
    ),
  badSignature: (thumbprint: string, appId: string, key: FoundKey) =>
    invalidClient(
      700027,
      `Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value., Thumbprint of key used by client: '${thumbprint}', Found key 'Start=${keyDate(key.startDateTime)}, End=${keyDate(key.endDateTime)}', ${graphHint(appId)}]`,
    ),
  keyExpired: (thumbprint: string, appId: string, key: FoundKey) =>
    invalidClient(
      700027,
      `Client assertion contains an invalid signature. [Reason - The key used is expired., Thumbprint of key used by client: '${thumbprint}', Found key 'Start=${keyDate(key.startDateTime)}, End=${keyDate(key.endDateTime)}', ${graphHint(appId)}]`,
    ),
  bothCredentials: (): EntraErrorSpec => ({
    error: 'invalid_request',
    code: 9002313,
    message: 'Invalid request. Request is malformed or invalid.',
  }),
};
