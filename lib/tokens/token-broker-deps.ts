import type { GrantResource } from '@/lib/entra/aadsts-advice';
import type { TenantId } from '@/lib/ids/tenant-id';
import type { DeadGrant } from './dead-grant-status';
import type { ConnectionTags } from '@/lib/vault/connection-tags';
import type { SingleFlight } from './single-flight';
import type { TenantLock } from './tenant-lock';
import type { TokenCache } from './token-cache';

/** The slice of the refresh-token store the broker uses (lib/vault's RefreshTokenStore fits). */
export interface BrokerStore {
  get(tenantId: TenantId): Promise<{
    refreshToken: string;
    version: string;
    tags: ConnectionTags;
    updatedOn: Date;
  } | null>;
  save(tenantId: TenantId, refreshToken: string, tags: ConnectionTags): Promise<unknown>;
  updateTags(tenantId: TenantId, patch: Partial<ConnectionTags>): Promise<void>;
}

/** lib/entra's redeemRefreshToken, or a fake in tests. */
export type Redeem = (input: {
  tenantId: TenantId;
  refreshToken: string;
  scopes: string[];
}) => Promise<{
  accessToken: string;
  expiresOn: Date;
  refreshToken: string;
  claims: { amr: string[] };
}>;

export interface TokenBrokerDeps {
  store: BrokerStore;
  redeem: Redeem;
  cache: TokenCache;
  flight: SingleFlight;
  /** Serialises the tenant's writers (default: this process only). */
  lock?: TenantLock;
  now: () => number;
  /** Resource used when the caller names none (Partner Center). */
  defaultResource: string;
  /** Scopes to ask for a resource's token. */
  scopesFor: (resource: string) => string[];
  /** Write the newest refresh token back once the stored one is this old. */
  rotationIntervalMs: number;
  /** Treat cached access tokens as expired this long before they really are. */
  expiryMarginMs?: number;
  /** Told when a dead Partner Center grant is found, so data derived from it is dropped. */
  onConnectionLost?: (tenantId: TenantId) => void;
  /**
   * Told of the events the activity log records: a write-behind rotation (by request) that wrote
   * the newest refresh token back or failed to, and a dead grant found. Never awaited by callers'
   * results: it must not throw.
   */
  onActivity?: (event: BrokerActivity) => Promise<void>;
  /** Told (under the tenant's lock) when a dead grant was recorded, e.g. to tell other instances. */
  onDeadGrant?: (tenantId: TenantId, code: string) => Promise<void>;
  /** Where background write-back failures go (they never fail the request). */
  onBackgroundError?: (error: unknown, context: { tenantId: TenantId; operation: string }) => void;
  /**
   * Dead-grant errors are recognised by this (lib/entra's EntraError.grantIsDead), for the
   * resource that was asked for: only a dead Partner Center grant changes the connection.
   */
  isDeadGrant: (error: unknown, resource: GrantResource) => DeadGrant | undefined;
}

export type BrokerActivity =
  | { kind: 'rotate'; tenantId: TenantId; ok: boolean; errorCode?: string }
  | { kind: 'dead_grant'; tenantId: TenantId; errorCode: string };
