// Types only (no Kysely, no Next): the sync, the pages and the tests share this contract, and
// repository.ts implements it over PostgreSQL with row-level security.
import type { AccessRow, AccessSyncState } from './access-row';
import type { AccessCounts, AccessFilter, AccessQuery } from './access-query';
import type { CustomerAdvice } from './customer-advice';
import type { StoredAssignments } from './read-assignments';
import type { ConsentState } from './types';
import type { TenantId } from '@/lib/ids/tenant-id';

/** What the sync writes for one customer from the relationship list and the directory. */
export type DerivedRowInput = Pick<
  AccessRow,
  | 'customerTenantId'
  | 'name'
  | 'domain'
  | 'inDirectory'
  | 'access'
  | 'relationships'
  | 'endDate'
  | 'autoExtend'
  | 'globalAdmin'
> & {
  /** Active GDAP that no security group holds (the sync skips its consent check); not stored as such. */
  unassigned?: boolean;
};

export interface CheckResultInput {
  consent: ConsentState;
  missingScopes: string[];
  error?: CustomerAdvice;
  checkedAt: Date;
  nextCheckAt: Date | null;
}

export interface AccessRepository {
  /**
   * Writes the relationship-derived columns of every row, and removes rows no longer known.
   * `now` and `expiryDays` say whether each row's GDAP just entered the expiry window by a change
   * (auto-extend turned off, end date moved nearer): the digest's news, kept on the row.
   */
  replaceDerived(
    partnerTenantId: TenantId,
    rows: readonly DerivedRowInput[],
    now: Date,
    expiryDays: number,
  ): Promise<void>;
  /** Writes the relationship-derived columns of these rows only ("check now" for one customer). */
  upsertDerived(
    partnerTenantId: TenantId,
    rows: readonly DerivedRowInput[],
    now: Date,
    expiryDays: number,
  ): Promise<void>;
  /** Customers whose consent check is due, stalest first (never-checked first). */
  nextDue(partnerTenantId: TenantId, now: Date, limit: number): Promise<TenantId[]>;
  countDue(partnerTenantId: TenantId, now: Date): Promise<number>;
  recordCheck(
    partnerTenantId: TenantId,
    customerTenantId: TenantId,
    r: CheckResultInput,
  ): Promise<void>;
  /** The access assignments the last pass stored, by relationship id (reused while unchanged). */
  storedAssignments(partnerTenantId: TenantId): Promise<Map<string, StoredAssignments>>;
  /**
   * Rows whose GDAP no security group holds (no active access assignment): no consent check can
   * get through, so their consent is unknown with this advice, rechecked after `nextCheckAt`.
   * Rows that carried this advice and are no longer in the list become due at once.
   */
  markAssignmentGaps(
    partnerTenantId: TenantId,
    unassigned: readonly TenantId[],
    advice: CustomerAdvice,
    checkedAt: Date,
    nextCheckAt: Date | null,
  ): Promise<void>;
  /** Makes a customer due now (after a grant, or "check now"). */
  markDue(partnerTenantId: TenantId, customerTenantId: TenantId): Promise<void>;
  getRow(partnerTenantId: TenantId, customerTenantId: TenantId): Promise<AccessRow | null>;
  queryRows(
    partnerTenantId: TenantId,
    query: AccessQuery,
    now: Date,
    expiryDays: number,
  ): Promise<{ rows: AccessRow[]; total: number }>;
  counts(partnerTenantId: TenantId, now: Date, expiryDays: number): Promise<AccessCounts>;
  /** What the access page shows (a page of rows, its total, the counts, the sync), in one transaction. */
  readPage(
    partnerTenantId: TenantId,
    query: AccessQuery,
    now: Date,
    expiryDays: number,
    /** The counts and sync state read moments ago (the view's short cache): not read again. */
    known?: PartnerSummary,
  ): Promise<PageRead>;
  /** Customers whose consent is missing or partial (the "grant all missing" job). */
  listNotConsented(partnerTenantId: TenantId): Promise<TenantId[]>;
  readSyncState(partnerTenantId: TenantId): Promise<AccessSyncState | null>;
  /**
   * What the daily digest reports: GDAP that entered the expiry window (by time, or by a change
   * the sync saw), and consents lost, after `since` (the last digest, or the baseline: states
   * known at the first full pass are never news).
   */
  digestItems(
    partnerTenantId: TenantId,
    since: Date,
    now: Date,
    expiryDays: number,
  ): Promise<DigestItem[]>;
  /** The digest's baseline (the first full pass) and when the last digest went out. */
  digestMarks(partnerTenantId: TenantId): Promise<{ baselineAt?: Date; lastDigestAt?: Date }>;
  writeSyncState(partnerTenantId: TenantId, patch: SyncStatePatch): Promise<void>;
}

/** How many rows each of the view's (overlapping) filters holds. */
export type FilterCounts = Record<AccessFilter, number>;

/** What the access page shows of a partner beside its page of rows. */
export interface PartnerSummary {
  byFilter: FilterCounts;
  sync: AccessSyncState | null;
}

/** What the access page shows: a page of rows, its total, and the partner's summary. */
export type PageRead = PartnerSummary & { rows: AccessRow[]; total: number; counts: AccessCounts };

export interface DigestItem {
  customerTenantId: TenantId;
  name: string;
  kind: 'expiring' | 'consent_lost';
  /** The GDAP end date (expiring) or when the loss was seen (consent lost). */
  at: string;
}

export type SyncStatePatch = Partial<{
  status: AccessSyncState['status'];
  startedAt: Date | null;
  finishedAt: Date | null;
  lastFullPassAt: Date | null;
  lastDigestAt: Date | null;
  relationshipsAt: Date | null;
  relationshipCount: number;
  relationshipsEmpty: boolean;
  checkedInRun: number;
  dueAtStart: number;
  error: { code: string; title: string; fix: string; at: Date } | null;
  grant: Partial<{
    status: AccessSyncState['grant']['status'];
    total: number;
    done: number;
    failed: number;
    startedAt: Date | null;
    finishedAt: Date | null;
  }>;
}>;
