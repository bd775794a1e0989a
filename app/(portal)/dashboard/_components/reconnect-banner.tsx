import Link from 'next/link';
import { LinkedText } from '@/app/_components/linked-text';
import type { CodeAdvice as Advice } from '@/lib/entra/aadsts-advice';

/** Shown instead of customers when the tenant's stored connection must be renewed. */
export function ReconnectBanner({ advice, isAdmin }: { advice?: Advice; isAdmin: boolean }) {
  return (
    <section className="card banner-bad" role="alert" data-testid="reconnect-banner">
      <h2>Your organization&apos;s connection needs to be renewed</h2>
      {advice && (
        <>
          <p>
            <strong>{advice.title}</strong> <code data-testid="advice-code">{advice.code}</code>
          </p>
          <p>
            <LinkedText text={advice.cause} />
          </p>
          <p>
            <strong>Fix:</strong> <LinkedText text={advice.fix} />
          </p>
        </>
      )}
      {isAdmin ? (
        <p>
          <Link className="button" href="/connect">
            Reconnect now
          </Link>{' '}
          <Link href="/connections">See connection health</Link>
        </p>
      ) : (
        <p className="muted">Ask an administrator of your organization to reconnect the portal.</p>
      )}
    </section>
  );
}
