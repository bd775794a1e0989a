import type { Control } from './control';

/**
 * What a run cost the local cloud, from the emulator's request counters (`control.stats()`, keys
 * like `keyvault GET /secrets/<name> 200`): the figures the token path's goals are stated in.
 * Shared by the bench and the fleet tests, so both count the same thing.
 */
export interface CloudCalls {
  /** Key Vault secret reads (not version listings). */
  keyVaultReads: number;
  /** Refresh-token redemptions at Entra. */
  redemptions: number;
  /** Pages of Partner Center's customer list (`GET /v1/customers`). */
  partnerCenterListCalls: number;
  /** Any Partner Center customer route: the list, a customer, its subscriptions. */
  partnerCenterCustomerCalls: number;
}

export function tallyCloudCalls(counts: Record<string, number>): CloudCalls {
  const sum = (pred: (k: string) => boolean) =>
    Object.entries(counts)
      .filter(([k]) => pred(k))
      .reduce((n, [, v]) => n + v, 0);
  return {
    keyVaultReads: sum(
      (k) => /^keyvault GET \/secrets\/[^ ]+ 200/.test(k) && !k.includes('/versions'),
    ),
    redemptions: sum((k) => k.startsWith('entra POST') && k.endsWith('grant_type=refresh_token')),
    partnerCenterListCalls: sum((k) => /^partner-center GET \/v1\/customers \d+/.test(k)),
    partnerCenterCustomerCalls: sum((k) => /^partner-center GET \/v1\/customers/.test(k)),
  };
}

/** Waits until background loading stops calling Partner Center (no new list call for 2 s). */
export async function settleCloudCalls(
  control: Control,
  timeoutMs = 120_000,
): Promise<Record<string, number>> {
  let last = -1;
  let stableSince = Date.now();
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    const counts = await control.stats();
    const pc = tallyCloudCalls(counts).partnerCenterListCalls;
    if (pc !== last) {
      last = pc;
      stableSince = Date.now();
    } else if (Date.now() - stableSince > 2000) return counts;
    await new Promise((r) => setTimeout(r, 250));
  }
  return control.stats();
}
