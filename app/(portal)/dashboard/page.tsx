import type { Metadata } from 'next';
import { Suspense } from 'react';
import { requireUser } from '@/lib/next';
import {
  customerQueryString,
  holdsCustomerList,
  isConnectionLive,
  parseCustomerQuery,
} from '@/lib/customers';
import { CustomerList } from './_components/customer-list';
import { CustomerListSkeleton } from './_components/customer-list-skeleton';

export const metadata: Metadata = { title: 'Customers · Partner Portal' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The signed-in user's own tenant's customers; every bit of list state comes from the URL. */
export default async function CustomersPage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseCustomerQuery(await searchParams);
  const user = await requireUser(`/dashboard${customerQueryString(query)}`);
  const list = <CustomerList user={user} query={query} />;
  // The skeleton only while this instance fetches the list's first page from Partner Center. A
  // route-level loading.tsx wrapped every request in a Suspense boundary whose fallback was
  // rendered, sent and swapped out even when the list was already in memory (about a sixth of a
  // warm dashboard request's CPU in the bench, issue 11 step 5).
  if (holdsCustomerList(user.tid)) return list;
  // A connection that is refused is rendered at once, outside any boundary: "not connected" must
  // stay a redirect response, not one streamed inside the skeleton.
  if (!(await isConnectionLive(user))) return list;
  return <Suspense fallback={<CustomerListSkeleton />}>{list}</Suspense>;
}
