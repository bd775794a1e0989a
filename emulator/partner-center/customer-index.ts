import type { SeedCustomer } from '../seed';
import { customerListItem } from './customer-json';

export type SearchField = 'CompanyName' | 'Domain';

interface Entry {
  key: string;
  customer: SeedCustomer;
  /** The customer's list item, serialised once, so a 500-item page is string concatenation. */
  json: string;
}

/**
 * One partner's customers, pre-sorted by lower-cased company name and by domain. A
 * case-insensitive `starts_with` filter is a contiguous range of the matching array, found by
 * binary search, so listing costs O(log n + page) whatever the partner's size.
 */
export class PartnerCustomerIndex {
  private readonly byName: Entry[];
  private readonly byDomain: Entry[];

  constructor(customers: readonly SeedCustomer[]) {
    const entries = customers.map((customer) => ({ customer, json: JSON.stringify(customerListItem(customer)) }));
    const sorted = (keyOf: (c: SeedCustomer) => string): Entry[] =>
      entries
        .map((e) => ({ ...e, key: keyOf(e.customer) }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.customer.id < b.customer.id ? -1 : 1));
    this.byName = sorted((c) => c.companyName.toLowerCase());
    this.byDomain = sorted((c) => c.domain.toLowerCase());
  }

  get size(): number {
    return this.byName.length;
  }

  /** The entries a query covers: all (by name), or those whose field starts with `prefix`. */
  select(filter?: { field: SearchField; prefix: string }): { entries: readonly Entry[]; start: number; end: number } {
    if (!filter) return { entries: this.byName, start: 0, end: this.byName.length };
    const entries = filter.field === 'Domain' ? this.byDomain : this.byName;
    const p = filter.prefix.toLowerCase();
    // '\uffff' sorts after every code unit a key can hold, so [p, p + '\uffff') is the prefix range.
    return { entries, start: lowerBound(entries, p), end: lowerBound(entries, `${p}\uffff`) };
  }
}

function lowerBound(entries: readonly Entry[], key: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid] as Entry).key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
