import type { Clock } from '../core/clock';
import { KvError, secretNotFound } from './errors';
import { newVersion } from './ids';
import { RECOVERABLE_DAYS } from './secret-json';
import {
  latest,
  type DeletedRecord,
  type SecretRecord,
  type SecretVersion,
  type VaultStore,
} from './store';
import type { SetSecretBody, UpdateSecretBody } from './validate';

/** Live-secret operations: set, get, update and soft delete. Each throws Key Vault's own errors. */
export class SecretOps {
  constructor(
    private readonly store: VaultStore,
    private readonly clock: Clock,
  ) {}

  set(name: string, body: SetSecretBody): { record: SecretRecord; version: SecretVersion } {
    const deleted = this.store.deleted(name);
    if (deleted) {
      throw new KvError(
        409,
        'Conflict',
        `Secret ${deleted.name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.`,
        'ObjectIsDeletedButRecoverable',
      );
    }
    const now = this.clock.nowSeconds();
    const version: SecretVersion = {
      version: newVersion(),
      value: body.value,
      ...(body.contentType !== undefined ? { contentType: body.contentType } : {}),
      ...(body.tags ? { tags: body.tags } : {}),
      enabled: body.attributes?.enabled ?? true,
      ...(body.attributes?.nbf !== undefined ? { nbf: body.attributes.nbf } : {}),
      ...(body.attributes?.exp !== undefined ? { exp: body.attributes.exp } : {}),
      created: now,
      updated: now,
    };
    return this.store.commit((draft) => {
      const key = name.toLowerCase();
      const record = (draft.secrets[key] ??= { name, versions: [] });
      record.versions.push(version);
      return { record, version };
    });
  }

  /** The named version, or the current one. A disabled version can't be read. */
  get(name: string, version?: string): { record: SecretRecord; version: SecretVersion } {
    const found = this.find(name, version);
    if (!found.version.enabled) {
      throw new KvError(
        403,
        'Forbidden',
        'Operation get is not allowed on a disabled secret.',
        'SecretDisabled',
      );
    }
    return found;
  }

  update(
    name: string,
    version: string | undefined,
    body: UpdateSecretBody,
  ): { record: SecretRecord; version: SecretVersion } {
    const target = this.find(name, version).version.version;
    const now = this.clock.nowSeconds();
    return this.store.commit((draft) => {
      const record = draft.secrets[name.toLowerCase()] as SecretRecord;
      const v = record.versions.find((x) => x.version === target) as SecretVersion;
      if (body.contentType !== undefined) v.contentType = body.contentType;
      if (body.tags !== undefined) v.tags = body.tags;
      if (body.attributes?.enabled !== undefined) v.enabled = body.attributes.enabled;
      if (body.attributes?.nbf !== undefined) v.nbf = body.attributes.nbf;
      if (body.attributes?.exp !== undefined) v.exp = body.attributes.exp;
      v.updated = now;
      return { record, version: v };
    });
  }

  /** Soft delete: every version moves to the deleted store for RECOVERABLE_DAYS. */
  delete(name: string): DeletedRecord {
    if (!this.store.live(name)) throw secretNotFound(name);
    const now = this.clock.nowSeconds();
    return this.store.commit((draft) => {
      const key = name.toLowerCase();
      const record = draft.secrets[key] as SecretRecord;
      delete draft.secrets[key];
      const deleted: DeletedRecord = {
        ...record,
        deletedDate: now,
        scheduledPurgeDate: now + RECOVERABLE_DAYS * 86_400,
      };
      draft.deleted[key] = deleted;
      return deleted;
    });
  }

  private find(name: string, version?: string): { record: SecretRecord; version: SecretVersion } {
    const record = this.store.live(name);
    if (!record) throw secretNotFound(version ? `${name}/${version}` : name);
    if (!version) return { record, version: latest(record) };
    const v = record.versions.find((x) => x.version.toLowerCase() === version.toLowerCase());
    if (!v) throw secretNotFound(`${name}/${version}`);
    return { record, version: v };
  }
}
