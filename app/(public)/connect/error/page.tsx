import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkedText } from '@/app/_components/linked-text';
import { describeConnectFailure } from '@/lib/connect/connect-failures';

export const metadata: Metadata = { title: 'Connection failed · Partner Portal' };

const REF = /^[0-9a-f-]{36}$/i;

/** One page per failure code: what happened, how to fix it, and the stable code for support. */
export default async function ConnectErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const failure = describeConnectFailure(typeof params.code === 'string' ? params.code : undefined);
  const ref = typeof params.ref === 'string' && REF.test(params.ref) ? params.ref : undefined;
  return (
    <main>
      <h1 data-testid="connect-error-title">{failure.title}</h1>
      <div className="card">
        <p>
          <strong>What happened:</strong> <LinkedText text={failure.cause} />
        </p>
        <p>
          <strong>How to fix it:</strong> <LinkedText text={failure.fix} />
        </p>
        <p className="muted">
          Error code: <code data-testid="connect-error-code">{failure.code}</code>
          {ref && (
            <>
              {' '}
              · Reference: <code>{ref}</code>
            </>
          )}
        </p>
        <p className="muted">Nothing was stored.</p>
      </div>
      {failure.canRetry && (
        <Link className="button" href="/connect">
          Start again
        </Link>
      )}{' '}
      <Link className="button secondary" href="/">
        Home
      </Link>
    </main>
  );
}
