import type { Clock } from '../core/clock';
import { deletedSecretNotFound } from './errors';
import type { DeletedRecord, SecretRecord, VaultStore } from './store';

/**
 * Operations on soft-deleted secrets: get, list, recover, purge. A deleted secret whose
 * scheduled purge date has passed (emulator clock) is purged on the next look, as the service's
 * background purge would have done.
 */
export class DeletedOps {
  constructor(
    private readonly store: VaultStore,
    private readonly clock: Clock,
  ) {}

  get(name: string): DeletedRecord {
    this.purgeExpired();
    const record = this.store.deleted(name);
    if (!record) throw deletedSecretNotFound(name);
    return record;
  }

  list(): DeletedRecord[] {
    this.purgeExpired();
    return Object.values(this.store.state.deleted);
  }

  recover(name: string): SecretRecord {
    this.get(name);
    return this.store.commit((draft) => {
      const key = name.toLowerCase();
      const {
        deletedDate: _d,
        scheduledPurgeDate: _s,
        ...record
      } = draft.deleted[key] as DeletedRecord;
      delete draft.deleted[key];
      draft.secrets[key] = record;
      return record;
    });
  }

  purge(name: string): void {
    this.get(name);
    this.store.commit((draft) => {
      delete draft.deleted[name.toLowerCase()];
    });
  }

  /** Drops deleted secrets past their scheduled purge date; writes only when one is due. */
  purgeExpired(): void {
    const now = this.clock.nowSeconds();
    const due = Object.entries(this.store.state.deleted).filter(
      ([, r]) => r.scheduledPurgeDate <= now,
    );
    if (due.length === 0) return;
    this.store.commit((draft) => {
      for (const [key] of due) delete draft.deleted[key];
    });
  }
}
