import Link from 'next/link';

/**
 * Unknown ids and other tenants' ids look the same: nothing here. The customer and access detail
 * pages each have a not-found.tsx that renders this; the dashboard segment has none, so the list
 * does not carry a not-found tree in every response's RSC payload.
 */
export function CustomerNotFound() {
  return (
    <main>
      <h1>Not found</h1>
      <p data-testid="not-found">There is no such customer in your organization.</p>
      <p>
        <Link href="/dashboard">Back to your customers</Link>
      </p>
    </main>
  );
}
