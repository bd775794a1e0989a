import Link from 'next/link';

/** Unknown ids and other tenants' ids look the same: nothing here. */
export default function NotFound() {
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
