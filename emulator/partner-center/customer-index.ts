import type { SeedCustomer } from '../seed';
import { customerListItem } from './customer-json';

export type SearchField = 'CompanyName' | 'Domain';

interface Entry {
  nameKey: string;
  domainKey: string;
  customer: SeedCustomer;
  /** The customer's list item, serialised once, so a 500-item page is string concatenation. */
  json: string;
}

type KeyOf = (e: Entry) => string;
const byNameKey: KeyOf = (e) => e.nameKey;
const byDomainKey: KeyOf = (e) => e.domainKey;

/**
 * One partner's customers, pre-sorted by lower-cased company name and by domain. A
 * case-insensitive `starts_with` filter is a contiguous range of the matching array, found by
 * binary search, so listing costs O(log n + page) whatever the partner's size.
 */
export class PartnerCustomerIndex {
  private readonly byName: Entry[];
  private readonly byDomain: Entry[];

  constructor(customers: readonly SeedCustomer[]) {
    const entries: Entry[] = customers.map((customer) => ({
      nameKey: customer.companyName.toLowerCase(),
      domainKey: customer.domain.toLowerCase(),
      customer,
      json: JSON.stringify(customerListItem(customer)),
    }));
    const sortBy = (key: KeyOf) => (a: Entry, b: Entry) => {
      const ka = key(a);
      const kb = key(b);
      if (ka !== kb) return ka < kb ? -1 : 1;
      return a.customer.id < b.customer.id ? -1 : 1;
    };
    this.byName = entries.slice().sort(sortBy(byNameKey));
    this.byDomain = entries.sort(sortBy(byDomainKey));
  }

  get size(): number {
    return this.byName.length;
  }

  /** The entries a query covers: all (by name), or those whose field starts with `prefix`. */
  select(filter?: { field: SearchField; prefix: string }): {
    entries: readonly Entry[];
    start: number;
    end: number;
  } {
    if (!filter) return { entries: this.byName, start: 0, end: this.byName.length };
    const [entries, key] =
      filter.field === 'Domain' ? [this.byDomain, byDomainKey] : [this.byName, byNameKey];
    const p = filter.prefix.toLowerCase();
    // '\uffff' sorts after every code unit a key can hold, so [p, p + '\uffff') is the prefix range.
    return {
      entries,
      start: lowerBound(entries, key, p),
      end: lowerBound(entries, key, `${p}\uffff`),
    };
  }
}

function lowerBound(entries: readonly Entry[], key: KeyOf, target: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(entries[mid] as Entry) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
