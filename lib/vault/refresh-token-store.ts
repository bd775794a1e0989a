import 'server-only';
import type { SecretClient } from '@azure/keyvault-secrets';
import type { ConnectionChangeFeed } from './connection-change-feed';
import { fromVaultTags, toVaultTags, type ConnectionTags } from './connection-tags';
import type { TenantId } from '@/lib/ids/tenant-id';
import { secretNameFor, tenantOfSecretName } from './secret-name';
import { setSecretRevivingDeleted } from './set-secret-reviving-deleted';
import { toVaultError } from './to-vault-error';

export interface ConnectionRecord {
  tenantId: TenantId;
  refreshToken: string;
  version: string;
  tags: ConnectionTags;
  updatedOn: Date;
  /** Set by `save` when a disconnected (soft-deleted) secret was recovered to write it. */
  revived?: boolean;
}

export interface ConnectionSummary {
  tenantId: TenantId;
  tags: ConnectionTags;
  updatedOn: Date;
}

export interface RefreshTokenStore {
  /** Latest version; null when absent, deleted or marked disconnected. */
  get(tenantId: TenantId): Promise<ConnectionRecord | null>;
  /** Writes a new version (earlier ones stay in the vault's history). */
  save(tenantId: TenantId, refreshToken: string, tags: ConnectionTags): Promise<ConnectionRecord>;
  /** Merges `patch` into the latest version's tags; the value is unchanged. */
  updateTags(tenantId: TenantId, patch: Partial<ConnectionTags>): Promise<void>;
  /** Every connected tenant, from secret properties only: values are never read. */
  list(): Promise<ConnectionSummary[]>;
  /** Marks the latest version disconnected, then soft-deletes the secret (recoverable). */
  disconnect(tenantId: TenantId, by?: { oid: string }): Promise<void>;
  /**
   * Deletes a disconnected (soft-deleted) secret permanently, history included. Refused with
   * `vault_forbidden` where the vault has purge protection or the portal lacks the permission.
   */
  purge(tenantId: TenantId): Promise<void>;
}

const CONTENT_TYPE = 'application/vnd.partner-portal.refresh-token';

/**
 * The Key Vault implementation: one secret per partner tenant, metadata in tags. Every write is
 * announced on `feed` with the connection's new listing entry, so the cached listing
 * (connection-listing.ts) stays right without walking the vault again.
 */
export class KeyVaultRefreshTokenStore implements RefreshTokenStore {
  constructor(
    private readonly client: SecretClient,
    private readonly feed?: ConnectionChangeFeed,
  ) {}

  async get(tenantId: TenantId): Promise<ConnectionRecord | null> {
    const name = secretNameFor(tenantId);
    try {
      const secret = await this.client.getSecret(name);
      const tags = fromVaultTags(secret.properties.tags);
      if (!secret.value || secret.properties.enabled === false || tags.status === 'disconnected')
        return null;
      return {
        tenantId,
        refreshToken: secret.value,
        version: secret.properties.version ?? '',
        tags,
        updatedOn: secret.properties.updatedOn ?? new Date(0),
      };
    } catch (e) {
      if (isNotFound(e)) return null;
      throw toVaultError(e);
    }
  }

  async save(
    tenantId: TenantId,
    refreshToken: string,
    tags: ConnectionTags,
  ): Promise<ConnectionRecord> {
    const name = secretNameFor(tenantId);
    const stored = { ...tags, status: tags.status ?? 'ok' } satisfies ConnectionTags;
    let revived = false;
    try {
      const secret = await setSecretRevivingDeleted(
        this.client,
        name,
        refreshToken,
        { tags: toVaultTags(stored), contentType: CONTENT_TYPE },
        () => (revived = true),
      );
      const record = {
        revived,
        tenantId,
        refreshToken,
        version: secret.properties.version ?? '',
        tags: fromVaultTags(secret.properties.tags),
        updatedOn: secret.properties.updatedOn ?? new Date(),
      };
      this.announce(tenantId, record.tags, record.updatedOn);
      return record;
    } catch (e) {
      throw toVaultError(e);
    }
  }

  async updateTags(tenantId: TenantId, patch: Partial<ConnectionTags>): Promise<void> {
    const name = secretNameFor(tenantId);
    try {
      const latest = await this.client.getSecret(name);
      const merged = { ...fromVaultTags(latest.properties.tags), ...patch };
      const updated = await this.client.updateSecretProperties(
        name,
        latest.properties.version ?? '',
        { tags: toVaultTags(merged) },
      );
      this.announce(tenantId, fromVaultTags(updated.tags), updated.updatedOn ?? new Date());
    } catch (e) {
      throw toVaultError(e);
    }
  }

  async list(): Promise<ConnectionSummary[]> {
    const out: ConnectionSummary[] = [];
    try {
      for await (const p of this.client.listPropertiesOfSecrets()) {
        const tags = fromVaultTags(p.tags);
        const tenantId = tenantOfSecretName(p.name);
        if (!tenantId || p.enabled === false || tags.status === 'disconnected') continue;
        out.push({ tenantId, tags, updatedOn: p.updatedOn ?? new Date(0) });
      }
    } catch (e) {
      throw toVaultError(e);
    }
    return out;
  }

  async disconnect(tenantId: TenantId, by?: { oid: string }): Promise<void> {
    const name = secretNameFor(tenantId);
    try {
      // Mark first: if the secret is ever recovered (a reconnect recovers before writing), the old
      // version still reads as disconnected rather than silently coming back to life.
      await this.updateTags(tenantId, {
        status: 'disconnected',
        disconnectedAt: new Date().toISOString(),
        disconnectedByOid: by?.oid,
      });
      await this.client.beginDeleteSecret(name);
      this.feed?.publish({ tenantId, summary: null });
    } catch (e) {
      if (isNotFound(e) || isNotFound((e as { cause?: unknown }).cause)) return;
      throw toVaultError(e);
    }
  }

  async purge(tenantId: TenantId): Promise<void> {
    const name = secretNameFor(tenantId);
    // The soft delete a disconnect started may still be running (404 or 409 for a moment).
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.purgeDeletedSecret(name);
        return;
      } catch (e) {
        const status = (e as { statusCode?: number } | null)?.statusCode;
        if ((status !== 404 && status !== 409) || attempt >= PURGE_ATTEMPTS) throw toVaultError(e);
      }
      await new Promise((r) => setTimeout(r, PURGE_WAIT_MS));
    }
  }

  private announce(tenantId: TenantId, tags: ConnectionTags, updatedOn: Date): void {
    this.feed?.publish({
      tenantId,
      summary: tags.status === 'disconnected' ? null : { tenantId, tags, updatedOn },
    });
  }
}

const PURGE_ATTEMPTS = 6;
const PURGE_WAIT_MS = 500;

function isNotFound(e: unknown): boolean {
  return (e as { statusCode?: number } | null)?.statusCode === 404;
}
