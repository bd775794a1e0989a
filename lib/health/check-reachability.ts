import 'server-only';
import { getConfig } from '@/lib/config';

export interface ReachabilityCheck {
  service: 'entra' | 'keyVault' | 'partnerCenter';
  ok: boolean;
  /** HTTP status seen, when the service answered. */
  status?: number;
  ms: number;
  /** Short reason when not ok; never contains credentials. */
  error?: string;
}

const TIMEOUT_MS = 3000;

/**
 * Probes a service without credentials. An answer of any kind proves reachability: Key Vault and
 * Partner Center answer an anonymous request with 401, which is what we expect to see.
 */
async function probe(
  service: ReachabilityCheck['service'],
  url: string,
  expected: number[],
): Promise<ReachabilityCheck> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), cache: 'no-store' });
    await res.body?.cancel();
    const ms = Math.round(performance.now() - t0);
    return expected.includes(res.status)
      ? { service, ok: true, status: res.status, ms }
      : { service, ok: false, status: res.status, ms, error: `unexpected status ${res.status}` };
  } catch (e) {
    const ms = Math.round(performance.now() - t0);
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return {
      service,
      ok: false,
      ms,
      error:
        e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : (cause ?? 'unreachable'),
    };
  }
}

/** Reachability of Entra ID, Key Vault and Partner Center, probed in parallel. */
export async function checkReachability(): Promise<ReachabilityCheck[]> {
  const c = getConfig();
  return Promise.all([
    probe(
      'entra',
      `${c.ENTRA_AUTHORITY_HOST}/${c.ENTRA_HOME_TENANT_ID}/v2.0/.well-known/openid-configuration`,
      [200],
    ),
    probe('keyVault', `${c.KEY_VAULT_URL}/secrets?api-version=7.4`, [401]),
    probe('partnerCenter', `${c.PARTNER_CENTER_URL}/v1/profiles/organization`, [401]),
  ]);
}
