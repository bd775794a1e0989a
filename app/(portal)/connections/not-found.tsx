import Link from 'next/link';

/** Unknown ids and other partners' ids look the same: nothing here. */
export default function NotFound() {
  return (
    <main>
      <h1>Not found</h1>
      <p data-testid="not-found">There is no such connection, or you may not see it.</p>
      <p>
        <Link href="/connections">Back to connections</Link>
      </p>
    </main>
  );
}
