import type { Metadata } from 'next';
import Link from 'next/link';
import { PublicHeader } from './_shell/public-header';

export const metadata: Metadata = { title: 'Not found · Partner Portal' };

/** Any unknown address. */
export default function NotFound() {
  return (
    <>
      <PublicHeader />
      <main>
        <h1>Page not found</h1>
        <p className="card" data-testid="page-not-found">
          There is no page at this address.
        </p>
        <p>
          <Link href="/">Back to the start page</Link>
        </p>
      </main>
    </>
  );
}
