import 'server-only';

export interface Readiness {
  ready: boolean;
  /** Why not, as a stable code; never a connection string or a stack. */
  reason?: 'database_unreachable' | 'database_not_migrated';
  ms: number;
}

const TIMEOUT_MS = 2000;

/**
 * Readiness for a load balancer: the database only (the one dependency every request needs and
 * the instance cannot serve safely without). Entra, Key Vault and Partner Center are left out on
 * purpose: when one of them blips, every instance would leave rotation at once, and the portal
 * already degrades per request.
 */
export async function checkReadiness(ping: () => Promise<void>): Promise<Readiness> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('readiness ping timed out')), TIMEOUT_MS);
      }),
    ]);
    return { ready: true, ms: Math.round(performance.now() - t0) };
  } catch (e) {
    const reason =
      (e as { code?: string }).code === 'database_not_migrated'
        ? 'database_not_migrated'
        : 'database_unreachable';
    return { ready: false, reason, ms: Math.round(performance.now() - t0) };
  } finally {
    clearTimeout(timer);
  }
}
