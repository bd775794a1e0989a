import { databaseDownSince } from '@/lib/fleet/database-health';

/**
 * Shown while this instance cannot reach the database: what is on screen comes from what the
 * instance already held, and changes (connect, disconnect) are refused until it is back. It goes
 * away by itself at the first request after the database answers again.
 */
export function DegradedBanner() {
  const since = databaseDownSince();
  if (since === undefined) return null;
  return (
    <section className="card banner-warn" role="status" data-testid="degraded-banner">
      <strong>The portal is running in a reduced mode.</strong> Its database cannot be reached right
      now (since{' '}
      <time dateTime={new Date(since).toISOString()}>
        {new Date(since).toISOString().slice(11, 19)} UTC
      </time>
      ), so you see what this server already had, and connecting or disconnecting is paused. It
      recovers by itself; try changes again shortly.
    </section>
  );
}
