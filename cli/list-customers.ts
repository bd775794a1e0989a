import type { CustomerSummary, ListCustomersProgress, PartnerCenterClient } from '@/lib/partner-center';

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Every customer of the partner, sorted by company name. A search asks Partner Center itself
 * (its `starts_with` filter, once on CompanyName and once on Domain, merged by id), so a
 * narrow search on a 50,000-customer partner does not page through all of them.
 */
export async function listCustomers(
  client: PartnerCenterClient,
  opts: { search?: string; onProgress?: (p: ListCustomersProgress) => void },
): Promise<CustomerSummary[]> {
  const search = opts.search?.trim();
  let customers: CustomerSummary[];
  if (!search) {
    customers = await client.listAllCustomers(opts.onProgress);
  } else {
    const byCompany = await client.listAllCustomers(opts.onProgress, { filter: { field: 'CompanyName', value: search } });
    const byDomain = await client.listAllCustomers(opts.onProgress, { filter: { field: 'Domain', value: search } });
    customers = [...new Map([...byCompany, ...byDomain].map((c) => [c.id, c])).values()];
  }
  return customers.sort((a, b) => byName.compare(a.companyName, b.companyName) || a.id.localeCompare(b.id));
}
