import Link from 'next/link';

/** A failure to load customer data: what happened, its stable code, and a way to try again. */
export function ErrorState({
  code,
  message,
  refId,
  retryHref,
}: {
  code: string;
  message: string;
  refId?: string;
  retryHref: string;
}) {
  return (
    <section className="card banner-bad" role="alert" data-testid="error-state">
      <h2>Customers could not be loaded</h2>
      <p>
        {message} <code data-testid="error-code">{code}</code>
      </p>
      {refId && <p className="muted">Reference: {refId}</p>}
      <p>
        <Link className="button" href={retryHref}>
          Try again
        </Link>
      </p>
    </section>
  );
}
