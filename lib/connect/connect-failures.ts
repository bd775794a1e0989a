import 'server-only';
import { adviceFor, unreachableAdvice } from '@/lib/entra/aadsts-advice';

/** What a connect error page shows: the stable code, the cause and the fix. */
export interface FailureDescription {
  code: string;
  title: string;
  cause: string;
  fix: string;
  /** Whether starting the wizard again can help (false: someone must change configuration first). */
  canRetry: boolean;
}

type Entry = Omit<FailureDescription, 'code'>;

const START_AGAIN =
  'Start the connection again from the Connect page, in the same browser, and finish within 10 minutes.';

/** Every non-AADSTS connect failure; AADSTS codes come from the one advice module. */
const CATALOGUE: Record<string, Entry> = {
  consent_declined: {
    title: 'Consent was declined or cancelled',
    cause:
      'The sign-in was cancelled, or the permissions were declined on the consent screen, so the portal got no access.',
    fix: 'Start again and choose Accept. Sign in as a Global Administrator with the Admin Agent role so you can consent for the organization.',
    canRetry: true,
  },
  state_missing: {
    title: 'This sign-in did not start here',
    cause:
      'The response from Microsoft carried no state, or this browser has no record of starting a connection (cookies blocked, another browser, or the flow is over an hour old).',
    fix: `${START_AGAIN} Allow cookies for the portal.`,
    canRetry: true,
  },
  state_mismatch: {
    title: 'The sign-in response does not match this browser',
    cause:
      'The state in the response differs from the one this browser started with: the link was altered, or a connection was started in another tab afterwards.',
    fix: `${START_AGAIN} Use one tab at a time.`,
    canRetry: true,
  },
  state_expired: {
    title: 'The sign-in took too long',
    cause:
      'More than 10 minutes passed between starting the connection and returning from Microsoft.',
    fix: START_AGAIN,
    canRetry: true,
  },
  state_replayed: {
    title: 'This sign-in response was already used',
    cause:
      'The same response was submitted twice (a reload, the back button, or a copied link). Each response works once.',
    fix: `${START_AGAIN} Do not reload the result page.`,
    canRetry: true,
  },
  state_store_unavailable: {
    title: 'The portal could not check this sign-in',
    cause:
      "The portal's database did not answer, so it could not make sure this sign-in response is used only once. Nothing was stored.",
    fix: 'Try again shortly: start the connection again from the Connect page in a minute.',
    canRetry: true,
  },
  code_missing: {
    title: 'The sign-in response had no authorization code',
    cause:
      'Microsoft returned to the portal without a code or an error, which a normal sign-in never does.',
    fix: START_AGAIN,
    canRetry: true,
  },
  code_reused: {
    title: 'The authorization code was already used',
    cause:
      'Microsoft reports that this sign-in code was redeemed before (AADSTS54005). Codes are single-use.',
    fix: START_AGAIN,
    canRetry: true,
  },
  nonce_mismatch: {
    title: 'The sign-in response failed a security check',
    cause:
      "The ID token's nonce does not match the one this flow sent, so the response may not belong to this sign-in.",
    fix: START_AGAIN,
    canRetry: true,
  },
  not_partner_admin: {
    title: 'Only a partner admin can connect',
    cause:
      'The account that signed in is neither a Global Administrator of the partner tenant nor assigned the Portal.Admin app role, so the portal did not store or replace the connection. Nothing was stored.',
    fix: 'Sign in as a Global Administrator of the partner tenant, or ask one to assign you the Portal.Admin role on the portal app (Entra admin center → Enterprise applications → the portal → Users and groups).',
    canRetry: true,
  },
  no_refresh_token: {
    title: 'Microsoft returned no refresh token',
    cause:
      'The sign-in succeeded but offline access (offline_access) was not granted, so the portal cannot act later without you.',
    fix: 'Make sure offline_access is not blocked for the app in your tenant, then connect again.',
    canRetry: true,
  },
  mfa_missing: {
    title: 'Multi-factor authentication was not used',
    cause:
      'The Partner Center token has no "mfa" in its authentication methods (amr). Partner Center rejects App+User calls without MFA, so the portal did not store it.',
    fix: 'Register MFA for the account (https://aka.ms/mfasetup) or enforce it with security defaults or Conditional Access, then connect again and complete the MFA prompt.',
    canRetry: true,
  },
  tenant_not_partner: {
    title: 'This tenant is not a Partner Center partner',
    cause:
      'Partner Center has no partner organization profile for the tenant you signed in to, or the account lacks a Partner Center role.',
    fix: 'Sign in with an account of your partner (CSP) tenant that holds the Admin Agent role in Partner Center.',
    canRetry: true,
  },
  partner_center_rejected_token: {
    title: 'Partner Center refused the sign-in',
    cause:
      'Partner Center rejected the access token (for example "MFA required", or the account has no Partner Center access).',
    fix: 'Connect again with an MFA-enabled Global Administrator who is an Admin Agent in Partner Center.',
    canRetry: true,
  },
  partner_center_unavailable: {
    title: 'Partner Center could not be reached',
    cause:
      'Partner Center did not answer or answered with a server error, so the portal could not confirm the partner tenant. Nothing was stored.',
    fix: 'Try again in a few minutes.',
    canRetry: true,
  },
  tenant_not_allowed: {
    title: 'This partner tenant may not connect to this portal',
    cause:
      "The portal's operator limits which partner tenants may connect (PARTNER_TENANT_ALLOWLIST), and this tenant is not on the list.",
    fix: "Ask the portal's operator to add your tenant id to the allow-list, or sign in to the partner tenant you meant.",
    canRetry: false,
  },
  vault_forbidden: {
    title: 'The portal may not write to its Key Vault',
    cause:
      "Key Vault refused the portal's identity (missing RBAC role or access policy, or the vault firewall). Nothing was stored.",
    fix: 'An operator grants the portal identity "Key Vault Secrets Officer" on the vault (or set/get/list/delete secret permissions), then you connect again.',
    canRetry: false,
  },
  vault_credential_failed: {
    title: 'The portal could not sign in to its Key Vault',
    cause:
      'The portal identity could not get a token for Key Vault (managed identity missing, or the app credential is wrong). Nothing was stored.',
    fix: 'An operator checks KEY_VAULT_CREDENTIAL and the identity behind it, then you connect again.',
    canRetry: false,
  },
  vault_unreachable: {
    title: 'The Key Vault could not be reached',
    cause: 'The vault did not answer or was throttling. Nothing was stored.',
    fix: 'Try again in a few minutes. If it persists, an operator checks KEY_VAULT_URL and the network path to the vault.',
    canRetry: true,
  },
  vault_error: {
    title: 'The Key Vault refused to store the connection',
    cause: 'Key Vault returned an unexpected error. Nothing was stored.',
    fix: 'Try again. If it persists, give the reference below to the portal operator.',
    canRetry: true,
  },
  unexpected_error: {
    title: 'Something went wrong',
    cause: 'The portal hit an unexpected error. Nothing was stored.',
    fix: 'Try again. If it persists, give the reference below to the portal operator.',
    canRetry: true,
  },
};

const SAFE_CODE = /^(AADSTS\d{1,8}|[a-z][a-z0-9_]{1,40})$/;

/**
 * The page content for a failure code. Codes arrive in a URL, so anything unknown or odd-looking
 * is shown as `unexpected_error` rather than echoed back.
 */
export function describeConnectFailure(code: string | null | undefined): FailureDescription {
  if (!code || !SAFE_CODE.test(code))
    return { code: 'unexpected_error', ...CATALOGUE.unexpected_error! };
  const aadsts = /^AADSTS(\d+)$/.exec(code);
  if (aadsts) {
    const advice = adviceFor(Number(aadsts[1]));
    return {
      code: advice.code,
      title: advice.title,
      cause: advice.cause,
      fix: advice.fix,
      canRetry: advice.needsReconnect,
    };
  }
  if (code === 'entra_unreachable' || code === 'entra_unknown') {
    const advice = code === 'entra_unreachable' ? unreachableAdvice() : adviceFor(undefined);
    return { code, title: advice.title, cause: advice.cause, fix: advice.fix, canRetry: true };
  }
  // Own keys only: `constructor` or `__proto__` must not find Object.prototype's members.
  const entry = Object.hasOwn(CATALOGUE, code) ? CATALOGUE[code] : undefined;
  return entry ? { code, ...entry } : { code: 'unexpected_error', ...CATALOGUE.unexpected_error! };
}

/** Every code a connect error page can show, for docs and tests. */
export const CONNECT_FAILURE_CODES: readonly string[] = Object.keys(CATALOGUE);
