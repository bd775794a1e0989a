import Link from 'next/link';

/** Reconnect, check now (a CSRF-protected POST form) and the way to the disconnect confirmation. */
export function ConnectionActions({
  tenantId,
  checkToken,
}: {
  tenantId: string;
  checkToken: string;
}) {
  return (
    <div className="actions">
      <form
        method="post"
        action={`/api/connections/${tenantId}/check`}
        style={{ display: 'inline' }}
      >
        <input type="hidden" name="csrfToken" value={checkToken} />
        <button className="button" type="submit" data-testid="check-now">
          Check now
        </button>
      </form>{' '}
      <Link className="button secondary" href="/connect" data-testid="reconnect">
        Reconnect
      </Link>{' '}
      <Link
        className="button secondary"
        href={`/connections/${tenantId}/disconnect`}
        data-testid="disconnect"
      >
        Disconnect…
      </Link>
    </div>
  );
}
