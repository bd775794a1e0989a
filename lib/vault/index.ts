import 'server-only';
import { processSingleton } from '@/lib/tokens/process-singleton';
import { MemoryConnectionChangeFeed, type ConnectionChangeFeed } from './connection-change-feed';
import { ConnectionListing } from './connection-listing';
import { getSecretClient } from './get-secret-client';
import { KeyVaultRefreshTokenStore, type RefreshTokenStore } from './refresh-token-store';

export type { ConnectionRecord, ConnectionSummary, RefreshTokenStore } from './refresh-token-store';
export type { ConnectionTags, StoredStatus } from './connection-tags';
export { VaultError, isVaultError, type VaultErrorCode } from './vault-error';
export type { ConnectionChange, ConnectionChangeFeed } from './connection-change-feed';
export type { ConnectionListing } from './connection-listing';

/** How long the cached listing is trusted without hearing of a change (writes from other processes). */
const LISTING_MAX_AGE_MS = 60_000;

let store: RefreshTokenStore | undefined;

/** The refresh-token store the portal, the token broker and the CLI share. */
export function getRefreshTokenStore(): RefreshTokenStore {
  store ??= new KeyVaultRefreshTokenStore(getSecretClient(), getConnectionChangeFeed());
  return store;
}

/**
 * The process-wide feed of connection writes (one for every Next bundle: see process-singleton).
 * In memory for now; a fleet-wide feed replaces it here.
 */
export function getConnectionChangeFeed(): ConnectionChangeFeed {
  return processSingleton('connection-change-feed', () => new MemoryConnectionChangeFeed());
}

/**
 * The cached listing of every connection, for views that list many (the operator's table).
 * `RefreshTokenStore.list()` stays a fresh walk for the CLI and the doctor.
 */
export function getConnectionListing(): ConnectionListing {
  return processSingleton(
    'connection-listing',
    () =>
      new ConnectionListing({
        walk: () => getRefreshTokenStore().list(),
        feed: getConnectionChangeFeed(),
        maxAgeMs: LISTING_MAX_AGE_MS,
      }),
  );
}
