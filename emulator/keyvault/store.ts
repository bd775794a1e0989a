import { join } from 'node:path';
import { readJson, writeJsonAtomic } from '../core/state-file';
import type { VaultRole } from './roles';

export interface SecretVersion {
  version: string;
  value: string;
  contentType?: string;
  tags?: Record<string, string>;
  enabled: boolean;
  nbf?: number;
  exp?: number;
  /** Unix seconds. */
  created: number;
  updated: number;
}

export interface SecretRecord {
  /** Name as first created; lookups are case-insensitive, as Key Vault's are. */
  name: string;
  /** Oldest first; the last one is the current version. */
  versions: SecretVersion[];
}

export interface DeletedRecord extends SecretRecord {
  deletedDate: number;
  scheduledPurgeDate: number;
}

export interface VaultState {
  secrets: Record<string, SecretRecord>;
  deleted: Record<string, DeletedRecord>;
  /** Principal object id → its role on this vault. */
  roleAssignments: Record<string, VaultRole>;
}

/**
 * The vault's secrets, soft-deleted secrets and role assignments, persisted in
 * `<stateDir>/keyvault.json`. Every change goes through `commit`, which writes the whole state
 * atomically (temp file, fsync, rename), so a crash never leaves half a write.
 */
export class VaultStore {
  private readonly file: string;
  state: VaultState;

  constructor(
    stateDir: string,
    private readonly seed: () => VaultState,
  ) {
    this.file = join(stateDir, 'keyvault.json');
    this.state = readJson<VaultState>(this.file) ?? this.persistSeed();
  }

  reset(): void {
    this.state = this.persistSeed();
  }

  /** Applies a change to a copy of the state and swaps it in only once it is on disk. */
  commit<T>(change: (draft: VaultState) => T): T {
    const draft = structuredClone(this.state);
    const result = change(draft);
    writeJsonAtomic(this.file, draft);
    this.state = draft;
    return result;
  }

  live(name: string): SecretRecord | undefined {
    return this.state.secrets[name.toLowerCase()];
  }

  deleted(name: string): DeletedRecord | undefined {
    return this.state.deleted[name.toLowerCase()];
  }

  private persistSeed(): VaultState {
    const s = this.seed();
    writeJsonAtomic(this.file, s);
    return s;
  }
}

export function latest(record: SecretRecord): SecretVersion {
  const v = record.versions[record.versions.length - 1];
  if (!v) throw new Error(`secret ${record.name} has no versions`);
  return v;
}
