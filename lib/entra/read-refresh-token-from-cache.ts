import 'server-only';
import type { ConfidentialClientApplication } from '@azure/msal-node';

interface SerializedCache {
  RefreshToken?: Record<string, { home_account_id?: string; secret?: string }>;
}

/**
 * The refresh token MSAL cached for `homeAccountId`. MSAL Node exposes refresh tokens only
 * through its token cache ("for security reasons", its FAQ says), so we read the serialized
 * cache of the short-lived client that just redeemed. Returns undefined when Entra sent none.
 */
export function readRefreshTokenFromCache(
  client: ConfidentialClientApplication,
  homeAccountId: string | undefined,
): string | undefined {
  const cache = JSON.parse(client.getTokenCache().serialize()) as SerializedCache;
  const entries = Object.values(cache.RefreshToken ?? {});
  const mine = homeAccountId ? entries.filter((e) => e.home_account_id === homeAccountId) : entries;
  // One client per redemption, so there is at most one entry; never guess between several.
  return mine.length === 1 ? mine[0]?.secret : undefined;
}
