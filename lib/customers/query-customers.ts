import type { CustomerSummary } from '@/lib/partner-center/types';
import type { CustomerListEntry } from './customer-list-entry';
import type { CustomerQuery, SortField } from './customer-query';

export interface CustomerListPage {
  items: CustomerSummary[];
  /** Customers matching the search and filter (among those loaded so far). */
  total: number;
  page: number;
  pageCount: number;
  query: CustomerQuery;
  progress: {
    status: CustomerListEntry['status'];
    loaded: number;
    pages: number;
    error?: CustomerListEntry['error'];
  };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const KEY: Record<SortField, (c: CustomerSummary) => string> = {
  name: (c) => c.companyName,
  domain: (c) => c.domain,
  relationship: (c) => c.relationship,
};

/** Ascending order by `field`, ties broken by name then id so pages are stable. */
function compareBy(field: SortField): (a: CustomerSummary, b: CustomerSummary) => number {
  const key = KEY[field];
  return (a, b) =>
    collator.compare(key(a), key(b)) ||
    collator.compare(a.companyName, b.companyName) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * All loaded customers in `field` order. A complete list keeps its sorted views, so a warm
 * dashboard request is a filter and a slice; a list still loading is sorted per request.
 */
function sortedBy(entry: CustomerListEntry, field: SortField): CustomerSummary[] {
  const cached = entry.sortedViews.get(field);
  if (cached) return cached;
  const sorted = [...entry.items].sort(compareBy(field));
  if (entry.status === 'complete') entry.sortedViews.set(field, sorted);
  return sorted;
}

/** Applies search, relationship filter, sort and paging to one tenant's loaded list. */
export function queryCustomers(entry: CustomerListEntry, query: CustomerQuery): CustomerListPage {
  const needle = query.q.toLowerCase();
  let rows = sortedBy(entry, query.sort);
  if (needle || query.relationship) {
    rows = rows.filter(
      (c) =>
        (!query.relationship || c.relationship === query.relationship) &&
        (!needle || (entry.searchKeys.get(c) ?? '').includes(needle)),
    );
  }

  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const start = (page - 1) * query.pageSize;
  // Descending pages are cut from the end of the ascending order, so nothing is re-sorted.
  const items =
    query.dir === 'asc'
      ? rows.slice(start, start + query.pageSize)
      : rows.slice(Math.max(0, total - start - query.pageSize), total - start).reverse();
  return {
    items,
    total,
    page,
    pageCount,
    query: { ...query, page },
    progress: {
      status: entry.status,
      loaded: entry.items.length,
      pages: entry.pages,
      error: entry.error,
    },
  };
}
