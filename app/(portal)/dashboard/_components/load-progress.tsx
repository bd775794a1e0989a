'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

interface Progress {
  status: 'idle' | 'loading' | 'complete' | 'error';
  loaded: number;
}

/**
 * While the rest of the customer list loads in the background, shows how many have arrived and
 * re-renders the page (same URL, server data) as they do, and once more when loading ends.
 */
export function LoadProgress({ initialLoaded }: { initialLoaded: number }) {
  const router = useRouter();
  const [loaded, setLoaded] = useState(initialLoaded);

  useEffect(() => {
    let stopped = false;
    let lastRefresh = Date.now();
    const timer = setInterval(async () => {
      const res = await fetch('/api/customers/progress', { cache: 'no-store' }).catch(
        () => undefined,
      );
      if (stopped || !res?.ok) return;
      const p = (await res.json()) as Progress;
      setLoaded(p.loaded);
      if (p.status !== 'loading') {
        clearInterval(timer);
        router.refresh();
      } else if (Date.now() - lastRefresh > 3000) {
        lastRefresh = Date.now();
        router.refresh();
      }
    }, 700);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [router]);

  return (
    <p className="progress" role="status" aria-live="polite" data-testid="load-progress">
      <span className="spinner" aria-hidden="true" /> Loading customers from Partner Center…{' '}
      {loaded.toLocaleString('en-US')} so far.
    </p>
  );
}
