// No `server-only` here on purpose: this is plain data that the CLI and client components may
// show too, and it holds nothing secret.

/** What a person should know about an Entra error: stable code, what happened, what to do. */
export interface Advice {
  /** Stable code shown on pages and in JSON, e.g. `AADSTS700082`; never reworded. */
  code: AdviceCode;
  title: string;
  cause: string;
  fix: string;
  /** True when only a new sign-in through the connect wizard (a new grant) fixes it. */
  needsReconnect: boolean;
}

export type AdviceCode = `AADSTS${number}` | 'entra_unknown' | 'entra_unreachable';

type Entry = Omit<Advice, 'code'>;

/**
 * What an AADSTS code says about a stored grant, for the resource it was redeemed for:
 * - `expired`: the refresh token lapsed (inactivity, sign-in frequency, an expired grant);
 * - `revoked`: sessions were revoked, or consent for the resource is missing;
 * - `mfa_required`: the grant lives, but the sign-in behind it lacks MFA;
 * - `none`: nothing about the grant (configuration, network, a one-off).
 * `expired` and `revoked` are dead grants: only a person signing in again can help.
 */
export type GrantEffect = 'expired' | 'revoked' | 'mfa_required' | 'none';

/** The one AADSTS → effect table (advice text is below); every classifier in the portal reads it. */
const EFFECT: Record<number, GrantEffect> = {
  700082: 'expired',
  70043: 'expired',
  70008: 'expired',
  50173: 'revoked',
  65001: 'revoked',
  50076: 'mfa_required',
  50079: 'mfa_required',
  50074: 'mfa_required',
};

const RECONNECT =
  'A Global Administrator with the Admin Agent role reconnects the tenant from the Connections page.';

/** The one AADSTS → advice table; the connect flow, the dashboard and the CLI all read it. */
const TABLE: Record<number, Entry> = {
  65001: {
    title: 'Consent is missing',
    cause:
      'Nobody in the partner tenant has consented to the portal app for Partner Center, or the consent was removed.',
    fix: `${RECONNECT} Accept the consent prompt for Partner Center (user_impersonation) when it appears.`,
    needsReconnect: true,
  },
  65004: {
    title: 'Consent was declined',
    cause: 'The person signing in declined the permissions the portal asked for.',
    fix: 'Start the connection again and choose Accept on the consent screen. Only a Global Administrator can consent for the whole tenant.',
    needsReconnect: true,
  },
  50076: {
    title: 'Multi-factor authentication is required',
    cause:
      'A Conditional Access policy or security default requires MFA, and the sign-in did not complete it.',
    fix: `${RECONNECT} Complete the MFA prompt during sign-in; Partner Center rejects tokens without MFA.`,
    needsReconnect: true,
  },
  50079: {
    title: 'The account must register for MFA',
    cause: 'The signing-in account has no MFA method registered, and the tenant requires one.',
    fix: 'Register an authenticator for the account at https://aka.ms/mfasetup, then connect again.',
    needsReconnect: true,
  },
  50074: {
    title: 'Strong authentication was not completed',
    cause: 'The sign-in needed MFA, but the second factor was not passed.',
    fix: 'Connect again and complete the MFA prompt.',
    needsReconnect: true,
  },
  50173: {
    title: 'The connection was revoked',
    cause:
      "The connecting account's sessions were revoked, or an administrator reset its password, so Entra invalidated the stored grant.",
    fix: `${RECONNECT} Use a dedicated integration account whose password is not reset routinely.`,
    needsReconnect: true,
  },
  70043: {
    title: 'Conditional Access sign-in frequency ended the connection',
    cause:
      'A Conditional Access policy with a sign-in frequency applies to the connecting account, so the stored token expired early.',
    fix: `Exclude the integration account (or the portal app) from the sign-in frequency policy, then reconnect. ${RECONNECT}`,
    needsReconnect: true,
  },
  700082: {
    title: 'The connection expired after 90 days without use',
    cause: 'The stored refresh token was not used for 90 days, so Entra expired it for inactivity.',
    fix: `${RECONNECT} Schedule \`csp keepalive\` (cron or an Azure Functions timer) so every connection is used well within 90 days.`,
    needsReconnect: true,
  },
  70008: {
    title: 'The connection expired',
    cause: 'The stored grant (or the sign-in code) expired.',
    fix: RECONNECT,
    needsReconnect: true,
  },
  7000215: {
    title: "The portal's client secret is wrong",
    cause:
      'Entra rejected the app credential the portal sent: the secret is mistyped, or a new secret has not propagated yet.',
    fix: 'Check ENTRA_CLIENT_SECRET against the app registration (the secret value, not its id). A new secret can take a few minutes to work.',
    needsReconnect: false,
  },
  7000222: {
    title: "The portal's client secret has expired",
    cause: 'The app registration secret the portal uses is past its expiry date.',
    fix: 'Create a new client secret (or use a certificate) on the app registration and update ENTRA_CLIENT_SECRET.',
    needsReconnect: false,
  },
  650051: {
    title: 'The app asks for a permission that does not exist',
    cause:
      "The app registration's required permissions include one that the resource no longer offers, so consent cannot be granted.",
    fix: 'Remove the stale permission from the app registration (API permissions), keep Partner Center user_impersonation, then connect again.',
    needsReconnect: true,
  },
  50011: {
    title: 'The redirect URI is not registered',
    cause:
      "The portal's callback URL does not exactly match a redirect URI on the app registration.",
    fix: 'Add PORTAL_URL + /api/connect/callback (exact scheme, host, port and path) as a Web redirect URI on the app registration.',
    needsReconnect: false,
  },
  54005: {
    title: 'The sign-in code was already used',
    cause:
      'The authorization code from this sign-in was redeemed already, for example by a refresh or a back button.',
    fix: 'Start the connection again from the wizard; do not reload the callback page.',
    needsReconnect: true,
  },
  700016: {
    title: 'The portal app is unknown to this tenant',
    cause: 'The client id the portal uses does not exist, or the app is not multi-tenant.',
    fix: 'Check ENTRA_CLIENT_ID and that the app registration allows accounts in any organizational directory.',
    needsReconnect: false,
  },
  53003: {
    title: 'Blocked by Conditional Access',
    cause: 'A Conditional Access policy in the partner tenant blocks this sign-in.',
    fix: 'Ask the tenant administrator to allow the portal app for the integration account, then connect again.',
    needsReconnect: true,
  },
  50020: {
    title: 'The account is not in this tenant',
    cause: 'The account that signed in does not belong to the tenant that was asked for.',
    fix: 'Sign in with an account of the partner tenant you want to connect.',
    needsReconnect: true,
  },
  90094: {
    title: 'An administrator must consent',
    cause: 'The permissions need admin consent, and the signing-in account cannot grant it.',
    fix: 'Sign in as a Global Administrator of the partner tenant.',
    needsReconnect: true,
  },
};

const UNREACHABLE: Entry = {
  title: 'Entra ID could not be reached',
  cause: 'The portal could not talk to the sign-in service (network, DNS, TLS or an outage).',
  fix: 'Try again in a few minutes. If it persists, check the server can reach ENTRA_AUTHORITY_HOST and trusts its certificate.',
  needsReconnect: false,
};

/** Advice for an AADSTS code; unknown or absent codes get a generic entry that still names the code. */
export function adviceFor(aadsts: number | undefined): Advice {
  if (aadsts === undefined) {
    return {
      code: 'entra_unknown',
      title: 'Sign-in failed',
      cause: 'Entra ID returned an error without an AADSTS code.',
      fix: 'Try again. If it repeats, give the correlation id on this page to your portal operator.',
      needsReconnect: false,
    };
  }
  const entry = TABLE[aadsts];
  if (entry) return { code: `AADSTS${aadsts}`, ...entry };
  return {
    code: `AADSTS${aadsts}`,
    title: `Sign-in failed with AADSTS${aadsts}`,
    cause: 'Entra ID returned an error the portal has no specific advice for.',
    fix: `Look the code up at https://login.microsoftonline.com/error?code=${aadsts}, then try again.`,
    needsReconnect: false,
  };
}

/** Advice when there is no answer from Entra at all. */
export function unreachableAdvice(): Advice {
  return { code: 'entra_unreachable', ...UNREACHABLE };
}

/** The AADSTS codes that have specific advice (the docs and tests list them from here). */
export const ADVISED_AADSTS_CODES: readonly number[] = Object.keys(TABLE).map(Number);

/** What `aadsts` says about the grant it was redeemed with (see GrantEffect). */
export function grantEffectOf(aadsts: number | undefined): GrantEffect {
  return aadsts === undefined ? 'none' : (EFFECT[aadsts] ?? 'none');
}

/** Whether only a new sign-in (a new grant) can make redemption work again. */
export function isDeadGrantCode(aadsts: number | undefined): boolean {
  const effect = grantEffectOf(aadsts);
  return effect === 'expired' || effect === 'revoked';
}

/**
 * The resource a refresh token was redeemed for. The stored connection exists for Partner
 * Center; other resources (Microsoft Graph, later) are asked for with the same refresh token.
 */
export type GrantResource = 'partner-center' | 'other';

/** The connection status a failed redemption records; `undefined` leaves the connection alone. */
export type ConnectionEffect = 'expired' | 'revoked' | 'mfa_missing' | undefined;

/**
 * What a failed redemption means for the stored connection. A dead grant is about one resource:
 * only a dead Partner Center grant makes the connection unhealthy. AADSTS65001 for another
 * resource says that resource's consent is missing, and the Partner Center connection still works.
 */
export function connectionEffectOf(
  aadsts: number | undefined,
  resource: GrantResource,
): ConnectionEffect {
  if (resource !== 'partner-center') return undefined;
  const effect = grantEffectOf(aadsts);
  if (effect === 'mfa_required') return 'mfa_missing';
  return effect === 'none' ? undefined : effect;
}

/** Reads `700082` out of a stored code such as `AADSTS700082`; undefined for any other code. */
export function aadstsOfCode(code: string | undefined): number | undefined {
  const match = code ? /^AADSTS(\d{1,8})$/.exec(code) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * The health a stored failure code stands for: `revoked`, `expired`, `mfa_missing`, or undefined
 * (some other failure). `mfa_missing` is also the portal's own code for a grant stored without MFA.
 */
export function healthEffectOfCode(code: string | undefined): ConnectionEffect {
  if (code === 'mfa_missing') return 'mfa_missing';
  return connectionEffectOf(aadstsOfCode(code), 'partner-center');
}

/** The portal's own codes a connection can record, beside AADSTS codes. */
const PORTAL_CODES: Record<string, Entry> = {
  mfa_missing: {
    title: 'Stored without multi-factor authentication',
    cause:
      'The stored token was minted without MFA, and Partner Center rejects App+User calls without it.',
    fix: 'Reconnect with an account that completes MFA.',
    needsReconnect: true,
  },
  partner_center_unauthorized: {
    title: 'Partner Center refused the token',
    cause:
      'Partner Center answered 401, for example "MFA required", or the account lost its Partner Center role.',
    fix: 'Reconnect with an MFA-enabled Global Administrator who is an Admin Agent.',
    needsReconnect: true,
  },
  expiring: {
    title: 'The connection lapses soon',
    cause:
      'The stored refresh token has not been used recently; Entra expires it after 90 days without use.',
    fix: 'Press "Check now" (it uses and rotates the token), and schedule `csp keepalive` so this never depends on a person.',
    needsReconnect: false,
  },
};

/** Advice in display form for any code a connection can record (an AADSTS code or the portal's own). */
export interface CodeAdvice extends Omit<Advice, 'code'> {
  code: string;
}

/** Advice for any recorded code: AADSTS codes from the table above, plus the portal's own. */
export function adviceForCode(code: string): CodeAdvice {
  const aadsts = aadstsOfCode(code);
  if (aadsts !== undefined) return adviceFor(aadsts);
  if (code === 'entra_unreachable') return unreachableAdvice();
  if (code === 'entra_unknown') return adviceFor(undefined);
  const own = PORTAL_CODES[code];
  if (own) return { code, ...own };
  return {
    code,
    title: `The last check failed (${code})`,
    cause: 'A dependency of the connection failed during the last check.',
    fix: 'Press "Check now" to try again. If it repeats, give the code to the portal operator.',
    needsReconnect: false,
  };
}
