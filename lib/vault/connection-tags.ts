import 'server-only';

/** What the last redemption (or the connect flow) observed; health adds the clock to it. */
export type StoredStatus = 'ok' | 'revoked' | 'expired' | 'mfa_missing' | 'error' | 'disconnected';

/**
 * Metadata kept as Key Vault tags on each refresh-token secret. All strings (tags are strings);
 * dates are ISO 8601. Key Vault allows 15 tags with values of at most 256 characters, so values
 * are cut to fit and the set stays at 14 keys.
 */
export interface ConnectionTags {
  connectedByOid: string;
  connectedByUpn: string;
  connectedAt: string;
  /** Space-separated `amr` of the Partner Center access token at connect time, e.g. `pwd mfa`. */
  amr: string;
  /** Space-separated scopes granted. */
  scopes: string;
  /** When this secret's value (the refresh token) was last written. */
  rotatedAt: string;
  lastRedeemedAt?: string;
  status?: StoredStatus;
  /** `AADSTS700082`-style advice code or another stable code of the last failure. */
  lastErrorCode?: string;
  lastErrorAt?: string;
  /** Partner Center company name, shown in health views without calling Partner Center. */
  orgName?: string;
  disconnectedAt?: string;
  disconnectedByOid?: string;
}

const KEYS: ReadonlyArray<keyof ConnectionTags> = [
  'connectedByOid',
  'connectedByUpn',
  'connectedAt',
  'amr',
  'scopes',
  'rotatedAt',
  'lastRedeemedAt',
  'status',
  'lastErrorCode',
  'lastErrorAt',
  'orgName',
  'disconnectedAt',
  'disconnectedByOid',
];
const STATUSES: ReadonlySet<string> = new Set<StoredStatus>([
  'ok',
  'revoked',
  'expired',
  'mfa_missing',
  'error',
  'disconnected',
]);
const MAX_VALUE = 256;

/** ConnectionTags → Key Vault tags: known keys only, undefined dropped, values cut to 256 chars. */
export function toVaultTags(tags: Partial<ConnectionTags>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of KEYS) {
    const value = tags[key];
    if (value !== undefined) out[key] = value.slice(0, MAX_VALUE);
  }
  return out;
}

/** Key Vault tags → ConnectionTags, tolerating secrets written by other tools (missing tags → ''). */
export function fromVaultTags(raw: Record<string, string> | undefined): ConnectionTags {
  const t = raw ?? {};
  const status =
    t.status !== undefined && STATUSES.has(t.status) ? (t.status as StoredStatus) : undefined;
  return {
    connectedByOid: t.connectedByOid ?? '',
    connectedByUpn: t.connectedByUpn ?? '',
    connectedAt: t.connectedAt ?? '',
    amr: t.amr ?? '',
    scopes: t.scopes ?? '',
    rotatedAt: t.rotatedAt ?? '',
    lastRedeemedAt: t.lastRedeemedAt,
    status,
    lastErrorCode: t.lastErrorCode,
    lastErrorAt: t.lastErrorAt,
    orgName: t.orgName,
    disconnectedAt: t.disconnectedAt,
    disconnectedByOid: t.disconnectedByOid,
  };
}
