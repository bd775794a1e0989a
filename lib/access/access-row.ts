import type { AccessState, ConsentState, LastError, RelationshipSummary } from './types';
import type { TenantId } from '@/lib/ids/tenant-id';

/** One row of the access view, as pages, the API, the CSV and the console read it. */
export interface AccessRow {
  customerTenantId: TenantId;
  name: string;
  domain?: string;
  /** False for a relationship whose customer is not in the partner's customer directory. */
  inDirectory: boolean;
  access: AccessState;
  relationships: RelationshipSummary[];
  endDate?: string;
  autoExtend: boolean;
  globalAdmin: boolean;
  consent: ConsentState;
  missingScopes: string[];
  lastError?: LastError;
  checkedAt?: string;
  nextCheckAt?: string;
}

export interface AccessSyncState {
  status: 'idle' | 'running' | 'failed';
  startedAt?: string;
  finishedAt?: string;
  lastFullPassAt?: string;
  relationshipsAt?: string;
  relationshipCount: number;
  relationshipsEmpty: boolean;
  checkedInRun: number;
  dueAtStart: number;
  /** The "grant all missing" job's progress. */
  grant: {
    status: 'idle' | 'running' | 'done';
    total: number;
    done: number;
    failed: number;
    startedAt?: string;
    finishedAt?: string;
  };
  /** A partner-wide failure (Graph consent missing, a dead grant): one banner, not 1,000 row errors. */
  error?: { code: string; title: string; fix: string; at?: string };
}
