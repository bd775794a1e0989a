import type { TenantId } from '@/lib/ids/tenant-id';
import type { CustomerSummary } from '@/lib/partner-center/types';
import type { ListError } from './customer-list-entry';

/** Where one partner's shared customer list stands, as every instance sees it. */
export interface DirectorySync {
  /** Bumped by every load; rows of older loads are superseded. */
  generation: number;
  status: 'loading' | 'complete' | 'error';
  pages: number;
  loaded: number;
  completedAt?: number;
  error?: ListError;
}

/** The right to load a tenant's list for the whole fleet, held until `end`. */
export interface DirectoryLease {
  generation: number;
  /** Stores one Partner Center page of the load (in order); returns nothing until it is visible to all. */
  addPage(items: CustomerSummary[]): Promise<void>;
  /** Ends the load: complete (rows of earlier loads that are gone from Partner Center are deleted) or failed. */
  end(outcome: { error?: ListError }): Promise<void>;
}

/**
 * The customer directory shared by the fleet (lib/fleet's PostgreSQL store): one row per
 * (partner tenant, customer tenant), written by whichever instance loads the partner's list.
 */
export interface CustomerDirectoryStore {
  readSync(tenantId: TenantId): Promise<DirectorySync | undefined>;
  /** Becomes the tenant's loader, unless another instance is loading it now (undefined). */
  tryLead(tenantId: TenantId): Promise<DirectoryLease | undefined>;
  /** Rows of `generation` stored after `afterSeq`, in load order, with the last seq read. */
  readRows(
    tenantId: TenantId,
    generation: number,
    afterSeq: number,
  ): Promise<{ items: CustomerSummary[]; lastSeq: number }>;
  /** Deletes the tenant's whole directory (disconnect). */
  forget(tenantId: TenantId): Promise<void>;
}
