import 'server-only';
import { getSecretClient } from './get-secret-client';
import { KeyVaultRefreshTokenStore, type RefreshTokenStore } from './refresh-token-store';

export type { ConnectionRecord, ConnectionSummary, RefreshTokenStore } from './refresh-token-store';
export type { ConnectionTags, StoredStatus } from './connection-tags';
export { VaultError, isVaultError, type VaultErrorCode } from './vault-error';

let store: RefreshTokenStore | undefined;

/** The refresh-token store the portal, the token broker and the CLI share. */
export function getRefreshTokenStore(): RefreshTokenStore {
  store ??= new KeyVaultRefreshTokenStore(getSecretClient());
  return store;
}
