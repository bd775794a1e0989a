import type { TenantId } from '@/lib/ids/tenant-id';
import type { CustomerSummary } from '@/lib/partner-center/types';

export type ListStatus = 'loading' | 'complete' | 'error';

/** Why loading stopped, safe to show: a stable code, a message and, for a dead connection, advice. */
export interface ListError {
  code: string;
  message: string;
  adviceCode?: string;
}

/**
 * One partner tenant's customer list as loaded so far. Pages are appended as they arrive; a
 * lower-cased search key per customer and sorted views (once complete) are kept alongside so
 * that each request is a scan and a slice, not a sort.
 */
export class CustomerListEntry {
  readonly items: CustomerSummary[] = [];
  /** `name\ndomain`, lower-cased, per customer. */
  readonly searchKeys = new Map<CustomerSummary, string>();
  private readonly ids = new Map<string, CustomerSummary>();
  readonly sortedViews = new Map<string, CustomerSummary[]>();
  status: ListStatus = 'loading';
  pages = 0;
  /** The shared directory's load this entry mirrors (undefined: loaded by this process alone). */
  generation?: number;
  error?: ListError;
  completedAt?: number;
  /** Settles when loading ends, either way. */
  readonly settled: Promise<void>;
  private settle!: () => void;

  constructor(
    readonly tenantId: TenantId,
    readonly startedAt: number,
  ) {
    this.settled = new Promise((resolve) => (this.settle = resolve));
  }

  append(page: CustomerSummary[]): void {
    for (const c of page) {
      const id = c.id.toLowerCase();
      if (this.ids.has(id)) continue; // a page boundary that moved while paging
      this.ids.set(id, c);
      this.items.push(c);
      this.searchKeys.set(c, `${c.companyName}\n${c.domain}`.toLowerCase());
    }
    this.pages++;
  }

  has(customerId: string): boolean {
    return this.ids.has(customerId.toLowerCase());
  }

  complete(now: number): void {
    this.status = 'complete';
    this.completedAt = now;
    this.settle();
  }

  fail(error: ListError): void {
    this.status = 'error';
    this.error = error;
    this.settle();
  }
}
